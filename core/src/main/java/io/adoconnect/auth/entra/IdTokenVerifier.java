package io.adoconnect.auth.entra;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.adoconnect.AuthenticationException;
import java.net.URI;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * Validates an id token the way Microsoft's OIDC guidance asks: signature against the tenant's
 * published keys (from the metadata's {@code jwks_uri}), issuer (the {@code {tenantid}} template of
 * multi-tenant metadata filled with the token's {@code tid}), audience = our client id, expiry.
 */
final class IdTokenVerifier {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

  private static final String TENANT_TEMPLATE = "{tenantid}";

  private final NimbusTransport http;

  IdTokenVerifier(NimbusTransport http) {
    this.http = http;
  }

  IdTokenClaims verify(JWT idToken, IdentityProvider provider) {
    try {
      HTTPResponse metadataResponse =
          http.send(new HTTPRequest(HTTPRequest.Method.GET, provider.metadata()));
      metadataResponse.ensureStatusCode(200);
      // Read the two fields by hand: Entra's multi-tenant issuer "…/{tenantid}/v2.0" is not a URI,
      // so a strict metadata parser refuses the whole document.
      JSONObject metadata = metadataResponse.getBodyAsJSONObject();
      String issuerText = JSONObjectUtils.getString(metadata, "issuer");
      URI jwksUri = JSONObjectUtils.getURI(metadata, "jwks_uri");
      Object tid = idToken.getJWTClaimsSet().getClaim("tid");
      String tenantId = tid instanceof String t ? t : null;
      if (issuerText.contains(TENANT_TEMPLATE)) {
        if (tenantId == null || !GUID.matcher(tenantId).matches()) {
          throw invalid("it has no tenant id", null);
        }
        issuerText = issuerText.replace(TENANT_TEMPLATE, tenantId);
      }
      HTTPResponse keysResponse = http.send(new HTTPRequest(HTTPRequest.Method.GET, jwksUri));
      keysResponse.ensureStatusCode(200);
      JWKSet keys = JWKSet.parse(keysResponse.getBody());
      IDTokenClaimsSet claims =
          new IDTokenValidator(
                  new Issuer(issuerText),
                  new ClientID(provider.clientId()),
                  JWSAlgorithm.RS256,
                  keys)
              .validate(idToken, null);
      return new IdTokenClaims(
          claims.getStringClaim("name"),
          claims.getStringClaim("preferred_username"),
          claims.getStringClaim("email"),
          tenantId,
          claims.getStringClaim("oid"));
    } catch (AuthenticationException e) {
      throw e;
    } catch (Exception e) {
      throw invalid(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static AuthenticationException invalid(String why, Exception cause) {
    return new AuthenticationException(
        "The id token from Microsoft Entra ID did not validate ("
            + why
            + "); the sign-in was not saved.",
        "Check ADO_CONNECT_LOGIN_URL points at Microsoft Entra ID and the clock of this machine is right, then sign in again.",
        cause);
  }
}
