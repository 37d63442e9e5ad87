package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Dataset;
import io.adoconnect.simulator.data.SimulatedUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only view of the simulated Entra tenants, users and which tenant backs each organization.
 * Generated deterministically from the dataset and its seed.
 *
 * <h2>Rules tests can rely on</h2>
 *
 * <ul>
 *   <li>Two tenants: the <em>home</em> tenant ({@code contoso.example}, "Contoso"), whose id is
 *       {@code dataset.user().tenantId()}, and the <em>second</em> tenant ({@code
 *       fabrikam.example}, "Fabrikam"), id {@code nameUUIDFromBytes(seed + "/tenant/2")}.
 *   <li>Users: the <em>default user</em> "Simulated User" ({@code simulated.user@contoso.example}),
 *       the same person as {@link Dataset#user()} (same profile id and email), member of the home
 *       tenant and <em>guest</em> in the second; "Alex Wilber" ({@code
 *       alex.wilber@contoso.example}), member of the home tenant only; "Megan Bowen" ({@code
 *       megan.bowen@fabrikam.example}), member of the second tenant only. A user's {@code oid}
 *       differs per tenant.
 *   <li>Organization {@code org-NNN} (1-based {@code N}) is backed by: the home tenant when {@code
 *       (N - 1) % 3 == 0}, the second tenant when {@code (N - 1) % 3 == 1}, a personal Microsoft
 *       account ({@link #MSA_TENANT}, the all-zero GUID Azure DevOps reports) when {@code (N - 1) %
 *       3 == 2}. With the default 3 orgs: org-001 home, org-002 second, org-003 MSA.
 *   <li>A user's organizations are those backed by a tenant the user is in; the MSA-backed
 *       organizations belong to the default user only (its linked personal account). The default
 *       user thus has all.
 * </ul>
 */
public final class EntraDirectory {

  /** {@code X-VSS-ResourceTenant} of an organization backed by personal Microsoft accounts. */
  public static final UUID MSA_TENANT = new UUID(0, 0);

  /** Visual Studio's public client id: the default client, any loopback redirect URI. */
  public static final String VISUAL_STUDIO_CLIENT_ID = "872cd9fa-d31f-45e0-9eab-6e460a02d1f1";

  /**
   * The Azure DevOps resource (application) id: {@code aud} of the access tokens Azure DevOps
   * accepts.
   */
  public static final String AZURE_DEVOPS_RESOURCE = "499b84ac-1321-427f-aa17-267ca6975798";

  private final Dataset dataset;
  private final EntraTenant home;
  private final EntraTenant second;
  private final List<EntraUser> users;

  private EntraDirectory(Dataset dataset, long seed) {
    this.dataset = dataset;
    this.home = new EntraTenant(dataset.user().tenantId(), "contoso.example", "Contoso");
    this.second = new EntraTenant(uuid(seed, "tenant/2"), "fabrikam.example", "Fabrikam");
    SimulatedUser person = dataset.user();
    EntraUser defaultUser =
        new EntraUser(
            "simulated.user@contoso.example",
            person.displayName(),
            person.emailAddress(),
            person.id(),
            home.id(),
            List.of(
                new Membership(home.id(), uuid(seed, "entra/simulated/home"), false),
                new Membership(second.id(), uuid(seed, "entra/simulated/second"), true)));
    EntraUser alex =
        new EntraUser(
            "alex.wilber@contoso.example",
            "Alex Wilber",
            "alex.wilber@contoso.example",
            uuid(seed, "entra/alex/profile"),
            home.id(),
            List.of(new Membership(home.id(), uuid(seed, "entra/alex/home"), false)));
    EntraUser megan =
        new EntraUser(
            "megan.bowen@fabrikam.example",
            "Megan Bowen",
            "megan.bowen@fabrikam.example",
            uuid(seed, "entra/megan/profile"),
            second.id(),
            List.of(new Membership(second.id(), uuid(seed, "entra/megan/second"), false)));
    this.users = List.of(defaultUser, alex, megan);
  }

  /**
   * Builds the directory for {@code dataset} (generated with {@code seed}); see the class rules.
   */
  public static EntraDirectory generate(Dataset dataset, long seed) {
    return new EntraDirectory(dataset, seed);
  }

  /** Home tenant first, then the second tenant. */
  public List<EntraTenant> tenants() {
    return List.of(home, second);
  }

  public EntraTenant homeTenant() {
    return home;
  }

  public EntraTenant secondTenant() {
    return second;
  }

  /** The default user first. */
  public List<EntraUser> users() {
    return users;
  }

  /** The user who approves when no one is chosen. */
  public EntraUser defaultUser() {
    return users.get(0);
  }

  /** A user by UPN, case-insensitively. */
  public Optional<EntraUser> user(String userPrincipalName) {
    return users.stream()
        .filter(u -> u.userPrincipalName().equalsIgnoreCase(userPrincipalName))
        .findFirst();
  }

  /** A user by Azure DevOps profile id. */
  public Optional<EntraUser> userByProfileId(UUID profileId) {
    return users.stream().filter(u -> u.profileId().equals(profileId)).findFirst();
  }

  /** A tenant by id or domain, case-insensitively. */
  public Optional<EntraTenant> tenant(String idOrDomain) {
    return tenants().stream()
        .filter(
            t ->
                t.id().toString().equalsIgnoreCase(idOrDomain)
                    || t.domain().equalsIgnoreCase(idOrDomain))
        .findFirst();
  }

  /** The users who can sign in to {@code tenantId} (members and guests). */
  public List<EntraUser> usersOf(UUID tenantId) {
    return users.stream().filter(u -> u.membership(tenantId).isPresent()).toList();
  }

  /**
   * The tenant backing organization {@code org-NNN} (see the class rules); {@link #MSA_TENANT} for
   * MSA orgs.
   */
  public UUID organizationTenant(Collection organization) {
    int index = dataset.organizations().indexOf(organization);
    if (index < 0) {
      throw new IllegalArgumentException(
          "Not an organization of this dataset: " + organization.name());
    }
    return switch (index % 3) {
      case 0 -> home.id();
      case 1 -> second.id();
      default -> MSA_TENANT;
    };
  }

  /** {@link #organizationTenant(Collection)} by organization name. */
  public Optional<UUID> organizationTenant(String organizationName) {
    return dataset.organization(organizationName).map(this::organizationTenant);
  }

  /** The organizations {@code user} can see in the accounts list (see the class rules). */
  public List<Collection> organizationsOf(EntraUser user) {
    return dataset.organizations().stream()
        .filter(
            org -> {
              UUID tenant = organizationTenant(org);
              return tenant.equals(MSA_TENANT)
                  ? user.equals(defaultUser())
                  : user.membership(tenant).isPresent();
            })
        .toList();
  }

  /**
   * The identity Azure DevOps routes see for {@code user} signed into {@code tenantId}: the dataset
   * user for the default user, else a user built from the Entra user.
   */
  public SimulatedUser azureDevOpsUser(EntraUser user, UUID tenantId) {
    SimulatedUser person = dataset.user();
    if (user.equals(defaultUser())) {
      return new SimulatedUser(
          person.id(),
          person.displayName(),
          person.emailAddress(),
          person.windowsAccount(),
          tenantId);
    }
    String alias = user.userPrincipalName().substring(0, user.userPrincipalName().indexOf('@'));
    return new SimulatedUser(
        user.profileId(),
        user.displayName(),
        user.email(),
        "SIMULATOR\\" + alias.replace(".", "").toLowerCase(Locale.ROOT),
        tenantId);
  }

  private static UUID uuid(long seed, String key) {
    return UUID.nameUUIDFromBytes((seed + "/" + key).getBytes(StandardCharsets.UTF_8));
  }
}
