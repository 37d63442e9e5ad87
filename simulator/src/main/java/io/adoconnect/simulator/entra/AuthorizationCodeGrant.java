package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.Response;
import java.time.Clock;
import java.util.Map;

/**
 * {@code grant_type=authorization_code}: redeems a code from {@link AuthorizeEndpoint} once, for
 * the same client, authority and redirect URI, with the PKCE verifier when a challenge was sent
 * (RFC 7636 §4.6).
 */
final class AuthorizationCodeGrant implements TokenGrant {
  private final GrantStore grants;
  private final TokenIssuer issuer;
  private final Clock clock;

  AuthorizationCodeGrant(GrantStore grants, TokenIssuer issuer, Clock clock) {
    this.grants = grants;
    this.issuer = issuer;
    this.clock = clock;
  }

  @Override
  public String grantType() {
    return "authorization_code";
  }

  @Override
  public Response redeem(
      Map<String, String> form, Client client, Authority authority, String root) {
    String value = FormParameters.required(form, "code");
    if (grants.redeemed(value)) {
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          54005,
          "OAuth2 Authorization code was already redeemed, "
              + "please retry with a new valid code or use an existing refresh token.");
    }
    AuthorizationCode code =
        grants
            .code(value)
            .filter(c -> c.request().client().clientId().equals(client.clientId()))
            // Code unverified.
            .orElseThrow(
                () ->
                    new EntraError.Failure(
                        400,
                        "invalid_grant",
                        70000,
                        "The provided value for the 'code' parameter is not valid."));
    String redirectUri = FormParameters.required(form, "redirect_uri");
    if (clock.instant().isAfter(code.expires())) {
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          70008,
          "The provided authorization code or refresh token "
              + "has expired due to inactivity. Send a new interactive authorization request for this user and resource.");
    }
    if (!code.request().authority().sameAs(authority)) {
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          700005,
          "Provided Authorization Code is intended to use against other tenant, thus rejected.");
    }
    if (!redirectUri.equals(code.request().redirectUri())) {
      // AADSTS500112 is not in the reference (from memory): unverified.
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          500112,
          "The reply address '"
              + redirectUri
              + "' does not match the reply address '"
              + code.request().redirectUri()
              + "' provided when requesting Authorization code.");
    }
    String challenge = code.request().challenge();
    if (challenge != null) {
      String verifier = form.get("code_verifier");
      if (verifier == null || verifier.isEmpty()) {
        throw FormParameters.missing("code_verifier");
      }
      String computed =
          code.request().challengeMethod().equals("S256")
              ? SigningKey.sha256Base64Url(verifier)
              : verifier;
      if (!computed.equals(challenge)) {
        throw new EntraError.Failure(
            400,
            "invalid_grant",
            501481,
            "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
      }
    }
    grants.redeem(code);
    return issuer.issue(
        code.user(),
        code.tenantId(),
        client,
        code.request().scopes(),
        code.request().nonce(),
        false,
        root);
  }
}
