package io.adoconnect.connect;

import io.adoconnect.NextStep;
import io.adoconnect.OrganizationNotSupportedException;
import io.adoconnect.VaultException;
import io.adoconnect.auth.CredentialProvider;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.organizations.OrganizationsClient;
import io.adoconnect.organizations.ResourceTenants;
import io.adoconnect.store.Account;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Store;
import io.adoconnect.vault.Vault;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a saved account into what calls need: a credential (its PAT, or an Entra token for the
 * tenant behind each organization) and its organizations.
 */
final class AccountAccess {
  private final ConnectSettings settings;
  private final Store store;
  private final Supplier<Vault> vault;
  private final EntraTokens tokens;

  AccountAccess(ConnectSettings settings, Store store, Supplier<Vault> vault, EntraTokens tokens) {
    this.settings = settings;
    this.store = store;
    this.vault = vault;
    this.tokens = tokens;
  }

  /** The account's client for its home: its PAT, or a token of the tenant it signed in to. */
  AzureDevOpsHttp http(Account account) {
    return new AzureDevOpsHttp(settings.transport(), credential(account, account.tenantId()));
  }

  /**
   * The client for one organization. An Entra account reaches an organization of another tenant (as
   * a guest) with a token minted for that tenant; an organization backed by personal Microsoft
   * accounts can't be reached with Entra at all.
   */
  AzureDevOpsHttp http(Account account, Organization org, AzureDevOpsHttp home) {
    if (account.method() == ConnectionMethod.PAT) {
      return home;
    }
    String tenant = tenantFor(account, org);
    return tenant == null || tenant.equalsIgnoreCase(account.tenantId())
        ? home
        : new AzureDevOpsHttp(settings.transport(), credential(account, tenant));
  }

  /**
   * What {@link #http(Account, Organization, AzureDevOpsHttp)} authenticates with: the PAT, or an
   * Entra token of the tenant behind the organization (Git's credential helper hands it out).
   */
  CredentialProvider credential(Account account, Organization org) {
    return account.method() == ConnectionMethod.PAT
        ? credential(account, account.tenantId())
        : credential(account, tenantFor(account, org));
  }

  /** The tenant an Entra account gets tokens of for {@code org}. */
  private String tenantFor(Account account, Organization org) {
    String tenant = tenantOf(org);
    if (ResourceTenants.PERSONAL_ACCOUNTS.equals(tenant)) {
      throw new OrganizationNotSupportedException(
          "Organization "
              + org.name()
              + " is backed by personal Microsoft accounts, which Azure DevOps doesn't accept"
              + " through a Microsoft Entra sign-in.",
          NextStep.connectOrganization(org.name())
              .withAdvice("Connect it with a Personal Access Token instead."));
    }
    return tenant == null ? account.tenantId() : tenant;
  }

  private CredentialProvider credential(Account account, String tenant) {
    if (account.method() != ConnectionMethod.PAT) {
      return tokens.credential(account, tenant);
    }
    byte[] sealed =
        store
            .sealedSecret(account.id(), SecretKind.PAT)
            .orElseThrow(
                () ->
                    new VaultException(
                        "The token of account " + account.id() + " is missing from the store.",
                        NextStep.reconnect(account.id(), account.method().wireName())
                            .withAdvice("Disconnect the account and connect it again.")));
    Secret pat = vault.get().unseal(sealed, account.id());
    return PatCredential.of(pat, !account.isServices()).ofAccount(account.id());
  }

  /**
   * The tenant behind an organization: remembered, or asked of Azure DevOps once and remembered.
   */
  private String tenantOf(Organization org) {
    Map<String, String> known = store.organizationTenants();
    String tenant = known.get(org.name());
    if (tenant != null) {
      return tenant;
    }
    Optional<String> learned = new ResourceTenants(settings.transport()).of(org.baseUrl());
    learned.ifPresent(t -> store.saveOrganizationTenant(org.name(), t, settings.clock().instant()));
    return learned.orElse(null);
  }

  /** The account's organizations, ready to call; a Server collection negotiates its API version. */
  List<Organization> organizations(Account account, AzureDevOpsHttp http) {
    if (!account.isServices()) {
      OrganizationsClient client = new OrganizationsClient(http, settings.endpoints());
      return account.organizations().stream()
          .map(collection -> client.negotiateServer(URI.create(account.host()), collection))
          .toList();
    }
    return account.organizations().stream()
        .map(name -> Organization.services(settings.endpoints(), name))
        .toList();
  }
}
