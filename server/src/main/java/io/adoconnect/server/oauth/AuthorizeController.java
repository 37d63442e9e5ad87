package io.adoconnect.server.oauth;

import com.nimbusds.oauth2.sdk.Scope;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.store.OAuthStore;
import io.adoconnect.store.Owner;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code GET /oauth/authorize}: checks an authorization request and hands it to the consent page.
 *
 * <p>An unknown client or a redirect URI that isn't exactly one the client registered is answered
 * here (400), never by a redirect — that would send the browser somewhere nobody vouched for (RFC
 * 6749 §4.1.2.1). Every other fault goes back to the client's redirect URI as {@code error}: no
 * PKCE, a method other than S256 ({@code plain} is refused), a response type other than {@code
 * code}, a {@code resource} other than this service's {@code /mcp} ({@code invalid_target}, RFC
 * 8707). A sound request waits in {@link PendingAuthorizations} and the browser goes to the
 * integrations page, where the signed-in operator approves or denies it.
 *
 * <p>The request belongs to the person whose browser asked ({@code browsers}): the single-user
 * service's operator, or in a team deployment the end user of the connect-link session this browser
 * holds. Without such a session the answer is a page that says how to get one (401): this service
 * has no sign-in form of its own, since the application vouches for its end users.
 */
public final class AuthorizeController {
  private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final OAuthStore store;
  private final OAuthUris uris;
  private final PendingAuthorizations pending;
  private final Function<Context, Optional<Owner>> browsers;

  AuthorizeController(
      OAuthStore store,
      OAuthUris uris,
      PendingAuthorizations pending,
      Function<Context, Optional<Owner>> browsers) {
    this.store = store;
    this.uris = uris;
    this.pending = pending;
    this.browsers = browsers;
  }

  public void routes(RoutesConfig routes) {
    routes.get(OAuthUris.AUTHORIZE_PATH, this::authorize);
  }

  private void authorize(Context ctx) {
    Map<String, List<String>> query = ctx.queryParamMap();
    OAuthStore.Client client =
        store
            .findClient(single(query, "client_id"))
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "oauth_unknown_client",
                        "This sign-in names a client this service doesn't know.",
                        "Let the MCP client register again (it does so by itself when it starts"
                            + " over), then sign in again."));
    String redirect = single(query, "redirect_uri");
    if (redirect == null && client.redirectUris().size() == 1) {
      redirect = client.redirectUris().get(0);
    }
    if (redirect == null || !client.redirectUris().contains(redirect)) {
      throw ApiException.badRequest(
          "oauth_redirect_uri_mismatch",
          "The redirect URI of this sign-in is not exactly one the client registered.",
          "Check the MCP client's configuration; it must use the redirect URI it registered.");
    }
    Optional<Owner> owner = browsers.apply(ctx);
    if (owner.isEmpty()) {
      ctx.status(401).contentType("text/html; charset=utf-8").result(NO_SESSION);
      return;
    }
    String state = single(query, "state");
    Fault fault = check(query);
    if (fault != null) {
      ctx.redirect(
          redirectWith(
              redirect,
              state,
              uris.issuer().toString(),
              Map.of("error", fault.error(), "error_description", fault.description())));
      return;
    }
    String scope = single(query, "scope");
    PendingAuthorizations.Pending waiting =
        pending.add(
            owner.get(),
            client.clientId(),
            client.clientName(),
            redirect,
            state,
            single(query, "code_challenge"),
            uris.resource().toString(),
            scope != null && Scope.parse(scope).contains(Scopes.WRITE));
    ctx.redirect("/?consent=" + waiting.id());
  }

  /** The answer to a browser without a connect-link session: what to do, and no form. */
  private static final String NO_SESSION =
      """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Open your connect link first</title></head>
      <body>
      <h1>Open your connect link first</h1>
      <p>An MCP client asked to work with your Azure DevOps connections here, but this browser has
      no session with this service.</p>
      <p>Open the connect link that the application you use gives you (where you connected Azure
      DevOps), in this browser, then start the sign-in again from the MCP client.</p>
      </body></html>
      """;

  /** A fault that goes back to the client's redirect URI (RFC 6749 §4.1.2.1). */
  private record Fault(String error, String description) {}

  /** The first fault that goes back to the client; null if none. */
  private Fault check(Map<String, List<String>> query) {
    for (String name :
        List.of("response_type", "code_challenge", "code_challenge_method", "state", "scope")) {
      if (query.getOrDefault(name, List.of()).size() > 1) {
        return new Fault("invalid_request", "" + name + " is given more than once.");
      }
    }
    if (!"code".equals(single(query, "response_type"))) {
      return new Fault("unsupported_response_type", "Only response_type=code is supported.");
    }
    String challenge = single(query, "code_challenge");
    if (challenge == null) {
      return new Fault(
          "invalid_request",
          "PKCE is required: send code_challenge with code_challenge_method=S256.");
    }
    if (!"S256".equals(single(query, "code_challenge_method"))) {
      return new Fault(
          "invalid_request", "Only code_challenge_method=S256 is accepted (plain is refused).");
    }
    if (!S256_CHALLENGE.matcher(challenge).matches()) {
      return new Fault(
          "invalid_request",
          "code_challenge must be the base64url SHA-256 of the verifier (43" + " characters).");
    }
    List<String> resources = query.getOrDefault("resource", List.of());
    if (resources.size() > 1 || resources.size() == 1 && !uris.isResource(resources.get(0))) {
      return new Fault(
          "invalid_target",
          "This authorization server issues tokens for " + uris.resource() + " only.");
    }
    return null;
  }

  /** The client's redirect URI with {@code params}, its {@code state} and our {@code iss}. */
  static String redirectWith(
      String redirect, String state, String issuer, Map<String, String> params) {
    StringBuilder out = new StringBuilder(redirect).append(redirect.contains("?") ? '&' : '?');
    params.forEach((k, v) -> out.append(k).append('=').append(encode(v)).append('&'));
    if (state != null) {
      out.append("state=").append(encode(state)).append('&');
    }
    out.append("iss=").append(encode(issuer));
    return out.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String single(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
  }
}
