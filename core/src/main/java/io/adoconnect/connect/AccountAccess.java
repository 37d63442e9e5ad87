package io.adoconnect.connect;

import io.adoconnect.VaultException;
import io.adoconnect.auth.CredentialProvider;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.organizations.OrganizationsClient;
import io.adoconnect.store.Account;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Store;
import io.adoconnect.vault.Vault;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/** Turns a saved account into what calls need: its credential and its organizations. */
final class AccountAccess {
  private final ConnectSettings settings;
  private final Store store;
  private final Supplier<Vault> vault;

  AccountAccess(ConnectSettings settings, Store store, Supplier<Vault> vault) {
    this.settings = settings;
    this.store = store;
    this.vault = vault;
  }

  AzureDevOpsHttp http(Account account) {
    return new AzureDevOpsHttp(settings.transport(), credential(account));
  }

  CredentialProvider credential(Account account) {
    if (account.method() != ConnectionMethod.PAT) {
      throw new UnsupportedOperationException("Only PAT accounts can be used so far: " + account.method());
    }
    byte[] sealed =
        store.sealedSecret(account.id(), SecretKind.PAT)
            .orElseThrow(
                () -> new VaultException(
                    "The token of account " + account.id() + " is missing from the store.",
                    "Disconnect the account (ado-connect disconnect " + account.id() + ") and connect it again."));
    Secret pat = vault.get().unseal(sealed, account.id());
    return PatCredential.of(pat, isServer(account));
  }

  /** The account's organizations, ready to call; a Server collection negotiates its API version. */
  List<Organization> organizations(Account account, AzureDevOpsHttp http) {
    if (isServer(account)) {
      OrganizationsClient client = new OrganizationsClient(http, settings.endpoints());
      return account.organizations().stream()
          .map(collection -> client.negotiateServer(URI.create(account.host()), collection))
          .toList();
    }
    return account.organizations().stream().map(name -> Organization.services(settings.endpoints(), name)).toList();
  }

  static boolean isServer(Account account) {
    return !account.isServices();
  }
}
