package io.adoconnect.simulator.entra;

import java.time.Instant;
import java.util.UUID;

/**
 * What an issued refresh token stands for. Mutable ({@code revoked}, {@code used}); only touched
 * under the {@link EntraService} lock.
 */
final class RefreshGrant {
  final Client client;
  final EntraUser user;
  final UUID tenantId;
  final ScopeSet scopes;
  final Instant issued;
  final Instant expires;
  boolean revoked;
  boolean used;

  RefreshGrant(
      Client client,
      EntraUser user,
      UUID tenantId,
      ScopeSet scopes,
      Instant issued,
      Instant expires) {
    this.client = client;
    this.user = user;
    this.tenantId = tenantId;
    this.scopes = scopes;
    this.issued = issued;
    this.expires = expires;
  }
}
