package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET|POST /{tenant}/oauth2/v2.0/authorize}: the browser sign-in of the authorization code
 * flow. A valid request shows the sign-in page; its Accept issues a code and its Cancel {@code
 * access_denied}, both as a redirect in the requested {@code response_mode}. Errors before the
 * redirect URI is trusted are a page, after it a redirect (RFC 6749 §4.1.2.1).
 */
final class AuthorizeEndpoint {
  private static final Duration AUTHORIZATION_CODE_LIFETIME = Duration.ofMinutes(10);

  private final Clients clients;
  private final Authorities authorities;
  private final GrantStore grants;
  private final Clock clock;

  AuthorizeEndpoint(Clients clients, Authorities authorities, GrantStore grants, Clock clock) {
    this.clients = clients;
    this.authorities = authorities;
    this.grants = grants;
    this.clock = clock;
  }

  Response handle(Request request, Map<String, String> form) {
    boolean post = request.method().equals("POST");
    if (post && form.containsKey("request_id")) {
      return decision(form);
    }
    Map<String, String> params = post ? form : request.query();
    Authority authority;
    Client client;
    try {
      client = clients.find(params.get("client_id"));
      authority = authorities.resolve(request.segments().get(0));
    } catch (EntraError.Failure failure) {
      return EntraPages.signInError(failure.code, failure.getMessage());
    }
    String redirectUri = params.get("redirect_uri");
    boolean allowed =
        redirectUri != null
            && (client.redirectUris().contains(redirectUri)
                || client.anyLoopback() && loopback(redirectUri));
    if (!allowed) {
      return EntraPages.signInError(
          50011,
          "The redirect URI '"
              + (redirectUri == null ? "" : redirectUri)
              + "' specified in the request does not match the redirect URIs configured for the application '"
              + client.clientId()
              + "'. Make sure the redirect URI sent in the request matches one added to your "
              + "application in the Azure portal.");
    }
    String state = params.get("state");
    String responseMode = params.getOrDefault("response_mode", "query");
    if (!"code".equals(params.get("response_type"))) {
      return redirect(
          redirectUri,
          responseMode,
          errorParams(
              "unsupported_response_type",
              70005,
              "response_type '" + params.getOrDefault("response_type", "") + "' is not supported.",
              state));
    }
    String method = params.get("code_challenge_method");
    String challenge = params.get("code_challenge");
    if (challenge != null && method == null) {
      method = "plain";
    }
    if (method != null && !method.equals("S256") && !method.equals("plain")) {
      return redirect(
          redirectUri,
          responseMode,
          errorParams(
              "invalid_request", 501491, "Invalid code_challenge_method '" + method + "'.", state));
    }
    ScopeSet scopes;
    try {
      authorities.forFlow(request.segments().get(0), client);
      scopes = ScopeSet.parse(params.get("scope"));
    } catch (EntraError.Failure failure) {
      return redirect(
          redirectUri,
          responseMode,
          errorParams(failure.error, failure.code, failure.getMessage(), state));
    }
    AuthorizationRequest pending =
        new AuthorizationRequest(
            grants.randomToken(24),
            client,
            redirectUri,
            scopes,
            state,
            challenge,
            method,
            params.get("nonce"),
            responseMode,
            authority,
            params.get("login_hint"));
    grants.save(pending);
    return EntraPages.signIn(
        request.segments().get(0), pending, authorities.eligibleUsers(authority), null);
  }

  /** The sign-in page's form: Accept (with an account) or Cancel. */
  private Response decision(Map<String, String> form) {
    Optional<AuthorizationRequest> found = grants.authorizationRequest(form.get("request_id"));
    if (found.isEmpty()) {
      return EntraPages.signInError(
          90015, "The sign-in request is unknown or was already completed.");
    }
    AuthorizationRequest pending = found.get();
    String action = form.getOrDefault("action", "");
    if (action.equals("cancel")) {
      grants.remove(pending);
      return redirect(
          pending.redirectUri(),
          pending.responseMode(),
          errorParams(
              "access_denied",
              65004,
              "User declined to consent to access the app.",
              pending.state()));
    }
    List<EntraUser> users = authorities.eligibleUsers(pending.authority());
    String upn = form.get("user");
    Optional<EntraUser> user =
        upn == null
            ? Optional.of(users.get(0))
            : users.stream().filter(u -> u.userPrincipalName().equalsIgnoreCase(upn)).findFirst();
    if (!action.equals("accept") || user.isEmpty()) {
      return EntraPages.signIn(
          pending.authority().segment(),
          pending,
          users,
          user.isEmpty() ? "Choose one of the accounts listed." : "Choose Accept or Cancel.");
    }
    grants.remove(pending);
    UUID tenant =
        pending.authority().tenant() != null
            ? pending.authority().tenant().id()
            : user.get().homeTenantId();
    String code = "1.AXkA" + grants.randomToken(120);
    grants.save(
        new AuthorizationCode(
            code, pending, user.get(), tenant, clock.instant().plus(AUTHORIZATION_CODE_LIFETIME)));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    if (pending.state() != null) {
      params.put("state", pending.state());
    }
    return redirect(pending.redirectUri(), pending.responseMode(), params);
  }

  private static boolean loopback(String redirectUri) {
    try {
      URI uri = URI.create(redirectUri);
      return "http".equals(uri.getScheme())
          && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()))
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Map<String, String> errorParams(
      String error, int code, String message, String state) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error);
    params.put("error_description", "AADSTS" + code + ": " + message);
    if (state != null) {
      params.put("state", state);
    }
    return params;
  }

  private static Response redirect(
      String redirectUri, String responseMode, Map<String, String> params) {
    if ("form_post".equals(responseMode)) {
      return EntraPages.formPost(redirectUri, params);
    }
    StringBuilder query = new StringBuilder();
    params.forEach(
        (name, value) ->
            query
                .append(query.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    String separator =
        "fragment".equals(responseMode) ? "#" : redirectUri.contains("?") ? "&" : "?";
    return new Response(
        302,
        Map.of("Location", redirectUri + separator + query, "Cache-Control", "no-store"),
        new byte[0]);
  }
}
