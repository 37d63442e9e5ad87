package io.adoconnect.simulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Mints the token endpoint's success answer for every grant: an RS256 v1.0 access token for the
 * requested resource, a refresh token with {@code offline_access} (or when refreshing), an id token
 * with {@code openid}; records the tokens in the {@link GrantStore}. Also holds the signing key the
 * JWKS endpoint publishes.
 */
final class TokenIssuer {
  private final GrantStore grants;
  private final EntraService.Settings settings;
  private final Clock clock;
  private volatile SigningKey key;

  TokenIssuer(GrantStore grants, EntraService.Settings settings, Clock clock) {
    this.grants = grants;
    this.settings = settings;
    this.clock = clock;
  }

  /** The key, created on first use (RSA key generation is the slowest thing the simulator does). */
  SigningKey signingKey() {
    SigningKey current = key;
    if (current == null) {
      synchronized (this) {
        if (key == null) {
          key = SigningKey.generate();
        }
        current = key;
      }
    }
    return current;
  }

  /**
   * The {@code 200} token answer for {@code user} in {@code tenant}; {@code refresh} says the grant
   * was a refresh, which always returns a new refresh token.
   */
  Response issue(
      EntraUser user,
      UUID tenant,
      Client client,
      ScopeSet scopes,
      String nonce,
      boolean refresh,
      String root) {
    Instant now = clock.instant();
    long lifetime = settings.accessTokenLifetimeSeconds();
    Instant expires = now.plusSeconds(lifetime);
    UUID oid = user.objectId(tenant);
    String sub = SigningKey.sha256Base64Url(oid + "/" + client.clientId());

    ObjectNode access = Json.object();
    access.put("aud", scopes.audience());
    access.put("iss", root + "/" + tenant + "/");
    access.put("iat", now.getEpochSecond());
    access.put("nbf", now.getEpochSecond());
    access.put("exp", expires.getEpochSecond());
    access.put("appid", client.clientId());
    access.put("name", user.displayName());
    access.put("oid", oid.toString());
    access.put("scp", scopes.scp());
    access.put("sub", sub);
    access.put("tid", tenant.toString());
    access.put("unique_name", user.userPrincipalName());
    access.put("upn", user.userPrincipalName());
    access.put("uti", grants.randomToken(16));
    access.put("ver", "1.0");
    String accessToken = signingKey().sign(access);
    grants.save(
        accessToken,
        new AccessGrant(
            user,
            tenant,
            scopes.audience(),
            client.clientId(),
            expires,
            Set.of(scopes.scp().split(" "))));

    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("scope", scopes.granted());
    body.put("expires_in", lifetime);
    body.put("ext_expires_in", lifetime);
    body.put("access_token", accessToken);
    if (scopes.offlineAccess() || refresh) {
      String refreshToken = "1.AXkA" + grants.randomToken(200);
      grants.save(
          refreshToken,
          new RefreshGrant(
              client,
              user,
              tenant,
              scopes,
              now,
              now.plusSeconds(settings.refreshTokenLifetimeSeconds())));
      body.put("refresh_token", refreshToken);
    }
    if (scopes.openid()) {
      ObjectNode id = Json.object();
      id.put("aud", client.clientId());
      id.put("iss", root + "/" + tenant + "/v2.0");
      id.put("iat", now.getEpochSecond());
      id.put("nbf", now.getEpochSecond());
      id.put("exp", expires.getEpochSecond());
      id.put("email", user.email());
      id.put("name", user.displayName());
      if (nonce != null) {
        id.put("nonce", nonce);
      }
      id.put("oid", oid.toString());
      id.put("preferred_username", user.userPrincipalName());
      id.put("sub", sub);
      id.put("tid", tenant.toString());
      id.put("ver", "2.0");
      body.put("id_token", signingKey().sign(id));
    }
    return EntraError.noStore(Json.ok(body));
  }
}
