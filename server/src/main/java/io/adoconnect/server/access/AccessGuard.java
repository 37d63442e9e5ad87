package io.adoconnect.server.access;

import io.adoconnect.server.errors.ApiException;
import io.adoconnect.server.team.TeamAccess;
import io.adoconnect.store.Owner;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs before every request, after {@link HostPolicy}: the security headers on every response, then
 * who may call what.
 *
 * <ul>
 *   <li>Every route but the public ones ({@link #PUBLIC}) needs the API token as {@code
 *       Authorization: Bearer …}, or a browser session: its cookie <em>and</em> the page's per-tab
 *       secret in {@value Sessions#TAB_HEADER} (see {@link Sessions}); otherwise 401. The cookie
 *       alone opens nothing.
 *   <li>{@code POST /api/session}, the login exchange, is authenticated by the one-time ticket in
 *       its body instead.
 *   <li>State-changing requests (POST, PUT, PATCH, DELETE) from a foreign origin ({@code Origin}
 *       not one of this service's configured origins, or {@code Sec-Fetch-Site}
 *       cross-site/same-site) are refused (403). The tab secret, a header no other site can make a
 *       browser send, also does what a CSRF token did.
 *   <li>Bodies: more than 64 KiB → 413; a body that isn't {@code application/json} → 415.
 * </ul>
 */
public final class AccessGuard {
  public static final long MAX_BODY = 64 * 1024;

  /** The login exchange: public, authenticated by the ticket in its body. */
  public static final String EXCHANGE = "/api/session";

  /**
   * Routes a browser or Entra reaches without the API token; the callback is guarded by state + its
   * binding cookie. The page's static assets ({@link #PUBLIC_PREFIX}) are public too: they hold no
   * data.
   */
  public static final Set<String> PUBLIC =
      Set.of(
          "/",
          "/openapi.json",
          "/api/health",
          // the service's API token, checked by the route itself (io.adoconnect.server.observe):
          // in team mode too, where the guard knows only application keys
          "/metrics",
          "/api/ready",
          "/login",
          "/api/signin/microsoft/callback",
          "/favicon.ico",
          // the MCP authorization server: discovery, registration, authorize and token are public
          // by protocol (io.adoconnect.server.oauth); /mcp itself is a servlet with its own guard
          "/.well-known/oauth-protected-resource",
          "/.well-known/oauth-protected-resource/mcp",
          "/.well-known/oauth-authorization-server",
          "/oauth/register",
          "/oauth/authorize",
          "/oauth/token");

  public static final String PUBLIC_PREFIX = "/assets/";

  /**
   * Service hook deliveries, {@code POST /api/hooks/{subscription}}: Azure DevOps can't send the
   * API token, so they carry the subscription's own Basic credential, which the receiver checks.
   */
  private static final Pattern HOOK_DELIVERY = Pattern.compile("/api/hooks/[a-z2-7]{1,64}");

  private static final String HOOK_SUBSCRIPTIONS = "/api/hooks/subscriptions";
  public static final String CSP = SecurityHeaders.CSP;

  private static final String AUTH_ATTRIBUTE = "ado-connect.auth";
  private static final String SESSION_ATTRIBUTE = "ado-connect.session";
  public static final Set<HandlerType> STATE_CHANGING =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
  private static final Set<HandlerType> WITH_BODY =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);

  private static final String OWNER_ATTRIBUTE = "ado-connect.owner";

  private final ApiToken token;
  private final Sessions sessions;
  private final HostPolicy hosts;
  private final TeamAccess team;

  public AccessGuard(ApiToken token, Sessions sessions, HostPolicy hosts) {
    this(token, sessions, hosts, null);
  }

  /**
   * @param team null for the single-user service (the API token); in team mode the application keys
   *     and end users it checks instead — the API token then opens nothing
   */
  public AccessGuard(ApiToken token, Sessions sessions, HostPolicy hosts, TeamAccess team) {
    this.token = token;
    this.sessions = sessions;
    this.hosts = hosts;
    this.team = team;
  }

  /** How a request was authenticated. */
  public enum Via {
    TOKEN,
    COOKIE,
    /** Team mode: an application's API key, acting for the end user it names. */
    APPLICATION_KEY
  }

  public static void securityHeaders(Context ctx) {
    SecurityHeaders.ALL.forEach(ctx::header);
  }

  public void before(Context ctx) {
    securityHeaders(ctx);
    if (ctx.method() == HandlerType.OPTIONS || PUBLIC.contains(ctx.path()) || isPublicAsset(ctx)) {
      return;
    }
    if (isHookDelivery(ctx)) {
      checkBody(ctx); // the same cap and content type as every body; the receiver checks the rest
      return;
    }
    if (ctx.method() == HandlerType.POST && ctx.path().equals(EXCHANGE)) {
      requireSameOrigin(ctx);
      checkBody(ctx); // the ticket in the body is the credential; the controller redeems it
      return;
    }
    authenticate(ctx);
    if (STATE_CHANGING.contains(ctx.method())) {
      requireSameOrigin(ctx);
    }
    if (WITH_BODY.contains(ctx.method())) {
      checkBody(ctx);
    }
  }

  private void requireSameOrigin(Context ctx) {
    if (!sameOrigin(ctx)) {
      throw new ApiException(
          403,
          "cross_origin",
          "State-changing requests from another site are refused.",
          "Use the page this service serves, or call the API without a browser.");
    }
  }

  /** Whether the request is a service hook delivery (public: authenticated by the receiver). */
  public static boolean isHookDelivery(Context ctx) {
    return ctx.method() == HandlerType.POST
        && !ctx.path().equals(HOOK_SUBSCRIPTIONS)
        && HOOK_DELIVERY.matcher(ctx.path()).matches();
  }

  private static boolean isPublicAsset(Context ctx) {
    return ctx.method() == HandlerType.GET
        && ctx.path().startsWith(PUBLIC_PREFIX)
        && ctx.path().indexOf('/', PUBLIC_PREFIX.length()) < 0;
  }

  private void authenticate(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null && team != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw TeamAccess.unauthorized();
      }
      ctx.attribute(OWNER_ATTRIBUTE, team.owner(authorization.substring(7).strip(), ctx));
      ctx.attribute(AUTH_ATTRIBUTE, Via.APPLICATION_KEY);
      return;
    }
    if (authorization != null) {
      if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)
          && token.matches(authorization.substring(7).strip())) {
        ctx.attribute(AUTH_ATTRIBUTE, Via.TOKEN);
        return;
      }
      throw unauthorized();
    }
    String cookie = ctx.cookie(Sessions.COOKIE);
    var session = sessions.find(cookie, ctx.header(Sessions.TAB_HEADER));
    if (session.isPresent()) {
      if (team != null) {
        team.requireLive(session.get().owner());
      }
      ctx.attribute(AUTH_ATTRIBUTE, Via.COOKIE);
      ctx.attribute(SESSION_ATTRIBUTE, session.get());
      ctx.attribute(OWNER_ATTRIBUTE, session.get().owner());
      return;
    }
    if (sessions.isLive(cookie)) {
      throw new ApiException(
          401,
          "tab_secret_required",
          "A browser session works only together with the secret its login link gave the page"
              + " (the "
              + Sessions.TAB_HEADER
              + " header); the cookie alone is not enough.",
          "Open a new login link in this tab: ado-connect login-link prints one.");
    }
    throw team != null ? TeamAccess.unauthorized() : unauthorized();
  }

  private static ApiException unauthorized() {
    return new ApiException(
        401,
        "unauthorized",
        "This call needs the service's API token.",
        "Send Authorization: Bearer <token> with the token from <data-dir>/api-token, or open a new"
            + " login link (ado-connect login-link prints one).");
  }

  /**
   * Same origin: no {@code Origin} or one of this service's configured origins (never compared with
   * the request's own {@code Host}, which a rebinding page controls), and {@code Sec-Fetch-Site}
   * (when sent) same-origin or none.
   */
  private boolean sameOrigin(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      return false;
    }
    String origin = ctx.header("Origin");
    return origin == null || hosts.isOwnOrigin(origin);
  }

  /**
   * Prepares the refusal of a body that is too large. A small one (≤ 1 MiB) is read first: a client
   * still sending would otherwise meet a reset connection instead of the 413 that says what was
   * wrong. A larger one is left unread and the answer says {@code Connection: close}, so no client
   * sends its next request on a connection the server is about to drop.
   */
  public static void beforeRefusingOversized(HttpServletRequest req, HttpServletResponse res) {
    long length = req.getContentLengthLong();
    if (length <= 16 * MAX_BODY) {
      try {
        req.getInputStream().skipNBytes(length);
        return;
      } catch (IOException | RuntimeException e) {
        // the client went away; the 413 is sent regardless
      }
    }
    res.setHeader("Connection", "close");
  }

  private static void checkBody(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length > MAX_BODY) {
      beforeRefusingOversized(ctx.req(), ctx.res());
      throw new ApiException(
          413,
          "payload_too_large",
          "The request body is larger than 64 KiB.",
          "Send a smaller body.");
    }
    boolean hasBody = length > 0 || ctx.header("Transfer-Encoding") != null;
    if (hasBody) {
      String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
      String mime = type.split(";", 2)[0].strip();
      if (!mime.equals("application/json")) {
        throw new ApiException(
            415,
            "unsupported_media_type",
            "Request bodies must be application/json.",
            "Send Content-Type: application/json with a JSON body.");
      }
    }
  }

  public static Via via(Context ctx) {
    return ctx.attribute(AUTH_ATTRIBUTE);
  }

  /**
   * Whose rows the request works on: the application key's owner, or the browser session's (in the
   * single-user service {@link Owner#LOCAL}); null before authentication or on public routes.
   */
  public static Owner owner(Context ctx) {
    return ctx.attribute(OWNER_ATTRIBUTE);
  }

  public static Sessions.Session session(Context ctx) {
    return ctx.attribute(SESSION_ATTRIBUTE);
  }
}
