package io.adoconnect.server.oauth;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two discovery documents an MCP client reads after {@code /mcp} answered 401: Protected
 * Resource Metadata (RFC 9728; a small document of our own, at the well-known path with and without
 * the resource's path appended) naming this service as the resource's authorization server, and
 * Authorization Server Metadata (RFC 8414, Nimbus's {@link AuthorizationServerMetadata}).
 */
public final class MetadataController {
  private final OAuthUris uris;

  public MetadataController(OAuthUris uris) {
    this.uris = uris;
  }

  public void routes(RoutesConfig routes) {
    routes.get(OAuthUris.PR_METADATA_PATH, this::resource);
    routes.get(OAuthUris.PR_METADATA_PATH + OAuthUris.MCP_PATH, this::resource);
    routes.get(OAuthUris.AS_METADATA_PATH, this::server);
  }

  private void resource(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("resource", uris.resource().toString());
    body.put("authorization_servers", List.of(uris.issuer().toString()));
    body.put("scopes_supported", List.of(Scopes.READ, Scopes.WRITE));
    body.put("bearer_methods_supported", List.of("header"));
    body.put("resource_name", "ado-connect (Azure DevOps)");
    ctx.json(body);
  }

  private void server(Context ctx) {
    AuthorizationServerMetadata metadata =
        new AuthorizationServerMetadata(new Issuer(uris.issuer()));
    metadata.setAuthorizationEndpointURI(uris.endpoint(OAuthUris.AUTHORIZE_PATH));
    metadata.setTokenEndpointURI(uris.endpoint(OAuthUris.TOKEN_PATH));
    metadata.setRegistrationEndpointURI(uris.endpoint(OAuthUris.REGISTER_PATH));
    metadata.setResponseTypes(List.of(ResponseType.CODE));
    metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
    metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
    metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.NONE));
    metadata.setScopes(new Scope(Scopes.READ, Scopes.WRITE));
    metadata.setSupportsAuthorizationResponseIssuerParam(true);
    ctx.contentType("application/json").result(metadata.toJSONObject().toJSONString());
  }
}
