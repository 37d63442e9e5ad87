package io.adoconnect.auth.entra;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.adoconnect.auth.Secret;
import io.adoconnect.http.HttpTransport;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Sign-in with the authorization code grant and PKCE S256 (RFC 7636): {@link #begin} makes the
 * authorize URL with a one-time {@code state} and a fresh code verifier; {@link #redeem} trades the
 * code that comes back to the redirect URI for tokens. The CLI pairs it with a loopback redirect
 * (RFC 8252); the web service with its own callback and a client secret.
 */
public final class AuthorizationCodeFlow {
  private final EntraSettings settings;
  private final NimbusTransport http;
  private final IdTokenVerifier verifier;
  private final Clock clock;

  public AuthorizationCodeFlow(EntraSettings settings, HttpTransport transport, Clock clock) {
    this.settings = settings;
    this.http = new NimbusTransport(transport);
    this.verifier = new IdTokenVerifier(http);
    this.clock = clock;
  }

  /**
   * What the browser is sent to, and the secrets only this process may know until the code returns.
   */
  public record Pending(URI authorizeUri, URI redirectUri, Secret state, Secret codeVerifier) {}

  /** Entra: GET {authority}/oauth2/v2.0/authorize?response_type=code&code_challenge_method=S256… */
  public Pending begin(URI redirectUri) {
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    AuthorizationRequest request =
        new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(settings.clientId()))
            .endpointURI(settings.endpoint(settings.tenant(), "oauth2/v2.0/authorize"))
            .redirectionURI(redirectUri)
            .scope(new Scope(settings.scopes().toArray(String[]::new)))
            .state(state)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build();
    return new Pending(
        request.toURI(), redirectUri, Secret.of(state.getValue()), Secret.of(verifier.getValue()));
  }

  /**
   * Entra: POST {authority}/oauth2/v2.0/token, grant_type=authorization_code with the PKCE
   * verifier.
   *
   * @param clientSecret only for a confidential web app registration
   */
  public TokenSet redeem(Pending pending, Secret code, Optional<Secret> clientSecret) {
    AuthorizationCodeGrant grant =
        new AuthorizationCodeGrant(
            new AuthorizationCode(code.reveal()),
            pending.redirectUri(),
            new CodeVerifier(pending.codeVerifier().reveal()));
    TokenRequest request =
        TokenEndpoint.request(
            settings.endpoint(settings.tenant(), "oauth2/v2.0/token"),
            settings.clientId(),
            grant,
            null,
            clientSecret);
    HTTPResponse response = http.send(request.toHTTPRequest());
    TokenResponse parsed = TokenEndpoint.parse(response);
    if (!parsed.indicatesSuccess()) {
      throw EntraErrors.of(
          parsed.toErrorResponse().getErrorObject(), response, "the browser sign-in");
    }
    return TokenEndpoint.toTokens(
        parsed.toSuccessResponse(), verifier, settings.provider(settings.tenant()), clock, null);
  }
}
