package io.adoconnect.auth.entra;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.adoconnect.AuthenticationException;
import java.util.regex.Pattern;

/**
 * Validates an id token the way Microsoft's OIDC guidance asks: signature against the tenant's
 * published keys (from the metadata's {@code jwks_uri}), issuer (the {@code {tenantid}} template
 * of multi-tenant metadata filled with the token's {@code tid}), audience = our client id, expiry.
 */
final class IdTokenVerifier {
  private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

  private final EntraSettings settings;
  private final NimbusTransport http;

  IdTokenVerifier(EntraSettings settings, NimbusTransport http) {
    this.settings = settings;
    this.http = http;
  }

  IdTokenClaims verify(JWT idToken, String tenant) {
    try {
      Object tid = idToken.getJWTClaimsSet().getClaim("tid");
      if (!(tid instanceof String tenantId) || !GUID.matcher(tenantId).matches()) {
        throw invalid("it has no tenant id", null);
      }
      HTTPResponse metadataResponse =
          http.send(new HTTPRequest(HTTPRequest.Method.GET, settings.endpoint(tenant, "v2.0/.well-known/openid-configuration")));
      metadataResponse.ensureStatusCode(200);
      OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(metadataResponse.getBodyAsJSONObject());
      HTTPResponse keysResponse = http.send(new HTTPRequest(HTTPRequest.Method.GET, metadata.getJWKSetURI()));
      keysResponse.ensureStatusCode(200);
      JWKSet keys = JWKSet.parse(keysResponse.getBody());
      Issuer issuer = new Issuer(metadata.getIssuer().getValue().replace("{tenantid}", tenantId));
      IDTokenClaimsSet claims =
          new IDTokenValidator(issuer, new ClientID(settings.clientId()), JWSAlgorithm.RS256, keys).validate(idToken, null);
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
        "The id token from Microsoft Entra ID did not validate (" + why + "); the sign-in was not saved.",
        "Check ADO_CONNECT_LOGIN_URL points at Microsoft Entra ID and the clock of this machine is right, then sign in again.",
        cause);
  }

}
