package io.adoconnect.auth.entra;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import io.adoconnect.AuthenticationException;
import io.adoconnect.auth.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Token endpoint requests and answers with the Nimbus SDK: one home for both. */
final class TokenEndpoint {
  private TokenEndpoint() {}

  /**
   * A token request; a confidential client authenticates with its secret in the body ({@code
   * client_secret_post}, what Entra documents), a public client just names itself.
   */
  static TokenRequest request(
      URI endpoint,
      String clientId,
      AuthorizationGrant grant,
      Scope scope,
      Optional<Secret> clientSecret) {
    ClientID client = new ClientID(clientId);
    return clientSecret
        .map(
            secret ->
                new TokenRequest(
                    endpoint,
                    new ClientSecretPost(
                        client, new com.nimbusds.oauth2.sdk.auth.Secret(secret.reveal())),
                    grant,
                    scope))
        .orElseGet(() -> new TokenRequest(endpoint, client, grant, scope));
  }

  static TokenResponse parse(HTTPResponse response) {
    try {
      return OIDCTokenResponseParser.parse(response);
    } catch (ParseException e) {
      throw new AuthenticationException(
          "Microsoft Entra ID sent a token response ado-connect could not read (HTTP "
              + response.getStatusCode()
              + ").",
          "Check ADO_CONNECT_LOGIN_URL points at Microsoft Entra ID.",
          e);
    }
  }

  /**
   * @param keepRefreshToken the refresh token to keep when the answer carries none (Entra sends one
   *     on every refresh, but the grant doesn't require it)
   */
  static TokenSet toTokens(
      AccessTokenResponse success,
      IdTokenVerifier verifier,
      IdentityProvider provider,
      Clock clock,
      Secret keepRefreshToken) {
    var tokens = success.getTokens();
    long lifetime =
        tokens.getAccessToken().getLifetime() > 0 ? tokens.getAccessToken().getLifetime() : 3600;
    Instant expiresAt = clock.instant().plusSeconds(lifetime);
    RefreshToken refresh = tokens.getRefreshToken();
    IdTokenClaims claims = null;
    if (success instanceof OIDCTokenResponse oidc && oidc.getOIDCTokens().getIDToken() != null) {
      claims = verifier.verify(oidc.getOIDCTokens().getIDToken(), provider);
    }
    String scope =
        tokens.getAccessToken().getScope() == null
            ? null
            : tokens.getAccessToken().getScope().toString();
    return new TokenSet(
        Secret.of(tokens.getAccessToken().getValue()),
        refresh == null ? keepRefreshToken : Secret.of(refresh.getValue()),
        expiresAt,
        scope,
        claims);
  }
}
