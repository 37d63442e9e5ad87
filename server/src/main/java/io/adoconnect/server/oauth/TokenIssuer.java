package io.adoconnect.server.oauth;

import io.adoconnect.server.access.Randoms;
import io.adoconnect.store.OAuthStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Issues and checks the tokens of {@code /mcp}: opaque random values (32 bytes), of which the store
 * keeps only hashes. Access tokens live {@link #ACCESS_LIFETIME}; a refresh token is used once and
 * replaced ({@link #REFRESH_LIFETIME} each), and the grant it belongs to ends every token when one
 * is replayed or the operator revokes it. An access token is accepted only for the resource it was
 * issued for (RFC 8707) and only while its grant is live.
 */
public final class TokenIssuer {
  public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(10);
  public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
  public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

  private final OAuthStore store;
  private final Clock clock;

  public TokenIssuer(OAuthStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A fresh pair for a grant; only their hashes are stored. */
  record Issued(String accessToken, String refreshToken, Duration expiresIn, String scope) {
    @Override
    public String toString() {
      return "Issued[****]";
    }
  }

  Issued issue(OAuthStore.Grant grant) {
    Instant now = clock.instant();
    store.prune(now.minus(Duration.ofDays(1)));
    String access = Randoms.token(32);
    String refresh = Randoms.token(32);
    store.saveToken(
        Hashes.of(access), grant.id(), OAuthStore.Kind.ACCESS, now.plus(ACCESS_LIFETIME));
    store.saveToken(
        Hashes.of(refresh), grant.id(), OAuthStore.Kind.REFRESH, now.plus(REFRESH_LIFETIME));
    return new Issued(access, refresh, ACCESS_LIFETIME, Scopes.of(grant));
  }

  /**
   * The live grant behind a bearer access token presented at {@code resource}; empty when the token
   * is unknown, expired, revoked, or was issued for another resource.
   */
  public Optional<OAuthStore.Grant> authenticate(String accessToken, String resource) {
    if (accessToken == null || accessToken.isEmpty() || accessToken.length() > 200) {
      return Optional.empty();
    }
    return store
        .findAccess(Hashes.of(accessToken), clock.instant())
        .filter(grant -> grant.resource().equals(resource));
  }
}
