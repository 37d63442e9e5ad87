package io.adoconnect.simulator.entra;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * How a {@link EntraService#accessToken(String) validated} access token identifies its bearer.
 *
 * @param scopes the token's {@code scp}, split: {@code user_impersonation} or granular {@code
 *     vso.*} permissions, which Azure DevOps checks each call against
 */
public record AccessGrant(
    EntraUser user,
    UUID tenantId,
    String audience,
    String clientId,
    Instant expiresAt,
    Set<String> scopes) {
  /** The permission that lets a token make every call its user may make. */
  public static final String USER_IMPERSONATION = "user_impersonation";

  public AccessGrant {
    scopes = Set.copyOf(scopes);
  }

  /** Whether Azure DevOps checks each call against {@link #scopes}: not for user_impersonation. */
  public boolean granular() {
    return !scopes.contains(USER_IMPERSONATION);
  }
}
