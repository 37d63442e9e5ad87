package io.adoconnect.auth.entra;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.adoconnect.auth.Secret;
import io.adoconnect.http.HttpTransport;
import java.time.Clock;
import java.util.Optional;

/**
 * Redeems a refresh token for a new access token (and, as Entra always does, a new refresh token).
 * Asking at another tenant's authority mints a token for that tenant — how a guest reaches an
 * organization backed by a tenant other than the one they signed in to.
 *
 * <p>Entra: POST {authority}/oauth2/v2.0/token, grant_type=refresh_token
 */
public final class TokenRefresher {
  private final EntraSettings settings;
  private final NimbusTransport http;
  private final IdTokenVerifier verifier;
  private final Clock clock;

  public TokenRefresher(EntraSettings settings, HttpTransport transport, Clock clock) {
    this.settings = settings;
    this.http = new NimbusTransport(transport);
    this.verifier = new IdTokenVerifier(http);
    this.clock = clock;
  }

  /**
   * @param tenant where to redeem it: the tenant of the organization the token is for
   * @param clientSecret only for refresh tokens a confidential web app obtained
   * @throws io.adoconnect.ReconnectRequiredException when Entra no longer accepts it
   *     (invalid_grant)
   */
  public TokenSet refresh(Secret refreshToken, String tenant, Optional<Secret> clientSecret) {
    return refresh(settings.provider(tenant), refreshToken, clientSecret);
  }

  /** The same against any OpenID provider. */
  public TokenSet refresh(
      IdentityProvider provider, Secret refreshToken, Optional<Secret> clientSecret) {
    RefreshTokenGrant grant = new RefreshTokenGrant(new RefreshToken(refreshToken.reveal()));
    Scope scope = new Scope(provider.scopes().toArray(String[]::new));
    TokenRequest request =
        TokenEndpoint.request(
            provider.tokenEndpoint(), provider.clientId(), grant, scope, clientSecret);
    HTTPResponse response = http.send(request.toHTTPRequest());
    TokenResponse parsed = TokenEndpoint.parse(response);
    if (!parsed.indicatesSuccess()) {
      throw EntraErrors.of(
          parsed.toErrorResponse().getErrorObject(), response, "renewing the sign-in");
    }
    return TokenEndpoint.toTokens(
        parsed.toSuccessResponse(), verifier, provider, clock, refreshToken);
  }
}
