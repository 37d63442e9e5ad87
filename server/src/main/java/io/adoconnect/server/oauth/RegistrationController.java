package io.adoconnect.server.oauth;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.adoconnect.server.access.Randoms;
import io.adoconnect.store.OAuthStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dynamic Client Registration (RFC 7591), {@code POST /oauth/register}: any MCP client registers
 * itself without a prior arrangement, as the MCP authorization spec expects. Registration grants
 * nothing — a client reaches {@code /mcp} only after a person approves it on the consent page — so
 * it is open, but bounded ({@value #MAX_PER_HOUR} an hour) and strict about redirect URIs: {@code
 * https}, or {@code http} to this machine's loopback (RFC 8252 §7.3), no fragment, at most {@value
 * #MAX_REDIRECT_URIS}. Every client is public ({@code token_endpoint_auth_method} {@code none}):
 * PKCE, not a secret, binds its code to it.
 */
public final class RegistrationController {
  static final int MAX_PER_HOUR = 60;
  static final int MAX_REDIRECT_URIS = 10;
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  private final OAuthStore store;
  private final OAuthUris uris;
  private final Clock clock;

  public RegistrationController(OAuthStore store, OAuthUris uris, Clock clock) {
    this.store = store;
    this.uris = uris;
    this.clock = clock;
  }

  public void routes(RoutesConfig routes) {
    routes.post(OAuthUris.REGISTER_PATH, this::register);
  }

  private void register(Context ctx) {
    try {
      ClientMetadata metadata = parse(ctx);
      Instant now = clock.instant();
      if (store.clientsRegisteredSince(now.minus(Duration.ofHours(1))) >= MAX_PER_HOUR) {
        throw new OAuthError(
            429,
            "temporarily_unavailable",
            "More than " + MAX_PER_HOUR + " clients registered in the last hour; try again later.");
      }
      String name = metadata.getName();
      if (name != null && (name.length() > 100 || name.chars().anyMatch(Character::isISOControl))) {
        throw new OAuthError(
            400,
            "invalid_client_metadata",
            "client_name must be at most 100 characters without control characters.");
      }
      List<String> redirects = redirects(metadata);
      ClientID id = new ClientID(Randoms.token(24));
      store.registerClient(new OAuthStore.Client(id.getValue(), name, redirects, now));
      metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
      metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
      metadata.setResponseTypes(Set.of(ResponseType.CODE));
      metadata.setScope(null);
      ClientInformation information = new ClientInformation(id, Date.from(now), metadata, null);
      ctx.status(201)
          .contentType("application/json")
          .result(information.toJSONObject().toJSONString());
    } catch (OAuthError e) {
      e.write(ctx);
    }
  }

  private static ClientMetadata parse(Context ctx) {
    try {
      HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, URI.create("http://x/"));
      request.setContentType(ctx.contentType() == null ? "" : ctx.contentType());
      request.setBody(ctx.body());
      return ClientRegistrationRequest.parse(request).getClientMetadata();
    } catch (ParseException e) {
      throw new OAuthError(
          400,
          "invalid_client_metadata",
          "The registration is not valid client metadata (RFC 7591): send a JSON object with"
              + " redirect_uris.");
    }
  }

  private static List<String> redirects(ClientMetadata metadata) {
    Set<URI> given = metadata.getRedirectionURIs();
    if (given == null || given.isEmpty() || given.size() > MAX_REDIRECT_URIS) {
      throw new OAuthError(
          400, "invalid_redirect_uri", "Register 1 to " + MAX_REDIRECT_URIS + " redirect_uris.");
    }
    List<String> out = new ArrayList<>();
    for (URI uri : given) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      boolean ok =
          uri.isAbsolute()
              && uri.getRawFragment() == null
              && uri.getRawUserInfo() == null
              && uri.toString().length() <= 2000
              && (scheme.equals("https") && !host.isEmpty()
                  || scheme.equals("http") && LOOPBACK.contains(host));
      if (!ok) {
        throw new OAuthError(
            400,
            "invalid_redirect_uri",
            "A redirect URI must be https://…, or http:// to 127.0.0.1, localhost or [::1], without"
                + " a fragment or user info.");
      }
      out.add(uri.toString());
    }
    return out;
  }
}
