package io.adoconnect.simulator.entra;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;

/**
 * {@code GET /{tenant}/v2.0/.well-known/openid-configuration} and {@code GET
 * /{tenant}/discovery/v2.0/keys}: OpenID Connect discovery and the JWKS, shaped like Entra's (the
 * issuer keeps the {@code {tenantid}} placeholder for multi-tenant authorities, as Entra's does).
 */
final class MetadataEndpoint {
  private final TokenIssuer issuer;

  MetadataEndpoint(TokenIssuer issuer) {
    this.issuer = issuer;
  }

  Response openidConfiguration(Authority authority, String root) {
    String base = root + "/" + authority.tenantPath();
    ObjectNode m = Json.object();
    m.put("token_endpoint", base + "/oauth2/v2.0/token");
    m.set(
        "token_endpoint_auth_methods_supported",
        array("client_secret_post", "private_key_jwt", "client_secret_basic"));
    m.put("jwks_uri", base + "/discovery/v2.0/keys");
    m.set("response_modes_supported", array("query", "fragment", "form_post"));
    m.set("subject_types_supported", array("pairwise"));
    m.set("id_token_signing_alg_values_supported", array("RS256"));
    m.set("response_types_supported", array("code", "id_token", "code id_token", "id_token token"));
    m.set("scopes_supported", array("openid", "profile", "email", "offline_access"));
    m.put("issuer", authority.issuer(root));
    m.put("request_uri_parameter_supported", false);
    m.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
    m.put("device_authorization_endpoint", base + "/oauth2/v2.0/devicecode");
    m.put("http_logout_supported", true);
    m.put("frontchannel_logout_supported", true);
    m.set(
        "claims_supported",
        array(
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "acr",
            "nonce",
            "preferred_username",
            "name",
            "tid",
            "ver",
            "at_hash",
            "c_hash",
            "email"));
    m.set("code_challenge_methods_supported", array("plain", "S256"));
    m.set(
        "grant_types_supported",
        array("authorization_code", "refresh_token", DeviceCodeGrant.GRANT_TYPE));
    return Json.ok(m);
  }

  Response keys(Authority authority, String root) {
    ObjectNode body = Json.object();
    body.putArray("keys").add(issuer.signingKey().jwk(authority.issuer(root)));
    return Json.ok(body);
  }

  private static ArrayNode array(String... values) {
    ArrayNode node = Json.object().arrayNode();
    for (String v : values) {
      node.add(v);
    }
    return node;
  }
}
