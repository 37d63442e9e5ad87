package io.adoconnect.server.oauth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import io.adoconnect.server.access.Randoms;
import io.adoconnect.store.OAuthStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * {@code POST /oauth/token} (RFC 6749 §3.2), parsed by Nimbus's {@link TokenRequest}, for public
 * clients ({@code client_id} in the body, no secret):
 *
 * <ul>
 *   <li>{@code authorization_code}: the code once (a second use revokes the grant it started),
 *       unexpired, for the client it was issued to, with the same redirect URI, and a {@code
 *       code_verifier} whose S256 is the challenge given at {@code /oauth/authorize};
 *   <li>{@code refresh_token}: once; the answer carries its replacement, and a refresh token used a
 *       second time revokes the whole grant (RFC 9700 §4.14.2);
 *   <li>{@code resource} (RFC 8707), when given, must be the resource the grant is bound to ({@code
 *       invalid_target} otherwise).
 * </ul>
 */
public final class TokenController {
  private final OAuthStore store;
  private final TokenIssuer issuer;
  private final OAuthUris uris;
  private final Clock clock;

  public TokenController(OAuthStore store, TokenIssuer issuer, OAuthUris uris, Clock clock) {
    this.store = store;
    this.issuer = issuer;
    this.uris = uris;
    this.clock = clock;
  }

  public void routes(RoutesConfig routes) {
    routes.post(OAuthUris.TOKEN_PATH, this::token);
  }

  private void token(Context ctx) {
    try {
      TokenRequest request = parse(ctx);
      ClientID clientId = request.getClientID();
      if (clientId == null || store.findClient(clientId.getValue()).isEmpty()) {
        throw new OAuthError(
            401, "invalid_client", "Unknown client_id: register the client first.");
      }
      AuthorizationGrant given = request.getAuthorizationGrant();
      OAuthStore.Grant grant;
      if (given instanceof AuthorizationCodeGrant code) {
        grant = redeem(code);
      } else if (given instanceof RefreshTokenGrant refresh) {
        grant = refresh(refresh);
      } else {
        throw new OAuthError(
            400,
            "unsupported_grant_type",
            "Only authorization_code and refresh_token are supported.");
      }
      if (!grant.clientId().equals(clientId.getValue())) {
        throw OAuthError.invalidGrant("This grant was issued to another client.");
      }
      List<URI> resources = request.getResources();
      if (resources != null
          && !resources.stream().allMatch(r -> r.toString().equals(grant.resource()))) {
        throw new OAuthError(
            400, "invalid_target", "This grant's tokens are for " + grant.resource() + " only.");
      }
      TokenIssuer.Issued issued = issuer.issue(grant);
      AccessTokenResponse response =
          new AccessTokenResponse(
              new Tokens(
                  new BearerAccessToken(
                      issued.accessToken(),
                      issued.expiresIn().toSeconds(),
                      Scope.parse(issued.scope())),
                  new RefreshToken(issued.refreshToken())));
      ctx.contentType("application/json").result(response.toJSONObject().toJSONString());
    } catch (OAuthError e) {
      e.write(ctx);
    }
  }

  private OAuthStore.Grant redeem(AuthorizationCodeGrant grant) {
    String code = grant.getAuthorizationCode().getValue();
    OAuthStore.Redeemed redeemed =
        store
            .redeemCode(Hashes.of(code), clock.instant())
            .orElseThrow(
                () ->
                    OAuthError.invalidGrant(
                        "The authorization code is unknown, expired or already used; sign in"
                            + " again."));
    URI redirect = grant.getRedirectionURI();
    if (redirect != null && !redirect.toString().equals(redeemed.code().redirectUri())) {
      throw OAuthError.invalidGrant("redirect_uri differs from the one of the authorization.");
    }
    CodeVerifier verifier = grant.getCodeVerifier();
    if (verifier == null) {
      throw OAuthError.invalidGrant("code_verifier is missing (PKCE).");
    }
    String computed = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
    if (!Randoms.same(computed, redeemed.code().codeChallenge())) {
      throw OAuthError.invalidGrant("code_verifier does not match the code_challenge (PKCE).");
    }
    return redeemed.grant();
  }

  private OAuthStore.Grant refresh(RefreshTokenGrant grant) {
    return store
        .useRefresh(Hashes.of(grant.getRefreshToken().getValue()), clock.instant())
        .orElseThrow(
            () ->
                OAuthError.invalidGrant(
                    "The refresh token is unknown, expired, revoked or already used; sign in"
                        + " again."));
  }

  private TokenRequest parse(Context ctx) {
    try {
      HTTPRequest request =
          new HTTPRequest(HTTPRequest.Method.POST, uris.endpoint(OAuthUris.TOKEN_PATH));
      request.setContentType(ctx.contentType() == null ? "" : ctx.contentType());
      request.setBody(ctx.body());
      String authorization = ctx.header("Authorization");
      if (authorization != null) {
        request.setAuthorization(authorization);
      }
      return TokenRequest.parse(request);
    } catch (ParseException e) {
      String error =
          e.getErrorObject() != null && e.getErrorObject().getCode() != null
              ? e.getErrorObject().getCode()
              : "invalid_request";
      throw new OAuthError(
          400,
          error,
          "The token request is malformed: send grant_type, client_id and, for a code, code,"
              + " redirect_uri and code_verifier; for a refresh, refresh_token; as"
              + " application/x-www-form-urlencoded.");
    }
  }
}
