package io.adoconnect.simulator.entra;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A simulated person who can sign in.
 *
 * @param userPrincipalName sign-in name in the home tenant; the {@code preferred_username} claim in
 *     every tenant
 * @param displayName the {@code name} claim
 * @param email the {@code email} claim and the Azure DevOps profile {@code emailAddress}
 * @param profileId Azure DevOps profile id ({@code /_apis/profile/profiles/me} {@code id}, the
 *     {@code memberId} of the accounts route)
 * @param homeTenantId tenant where the user is a member; {@code common}/{@code organizations} sign
 *     in here
 * @param memberships home membership first, then guest memberships
 */
public record EntraUser(
    String userPrincipalName,
    String displayName,
    String email,
    UUID profileId,
    UUID homeTenantId,
    List<Membership> memberships) {

  public EntraUser {
    memberships = List.copyOf(memberships);
  }

  /** The user's object in {@code tenantId}, if the user is a member or guest there. */
  public Optional<Membership> membership(UUID tenantId) {
    return memberships.stream().filter(m -> m.tenantId().equals(tenantId)).findFirst();
  }

  /** The {@code oid} in {@code tenantId}; throws when the user has no object there. */
  public UUID objectId(UUID tenantId) {
    return membership(tenantId)
        .map(Membership::objectId)
        .orElseThrow(
            () ->
                new IllegalArgumentException(userPrincipalName + " is not in tenant " + tenantId));
  }
}
