package io.adoconnect.server.access;

import io.adoconnect.server.errors.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs before every request: the security headers on every response, then who may call what.
 *
 * <ul>
 *   <li>Every route but the public ones ({@link #PUBLIC}) needs the API token as {@code
 *       Authorization: Bearer …} or a browser session cookie; otherwise 401.
 *   <li>State-changing requests (POST, PUT, PATCH, DELETE) from a foreign origin ({@code Origin}
 *       not this service, or {@code Sec-Fetch-Site} cross-site/same-site) are refused (403), and
 *       when authenticated by cookie they must carry the session's {@code X-CSRF-Token} (403
 *       otherwise).
 *   <li>Bodies: more than 64 KiB → 413; a body that isn't {@code application/json} → 415.
 * </ul>
 */
public final class AccessGuard {
  public static final long MAX_BODY = 64 * 1024;
  public static final String CSRF_HEADER = "X-CSRF-Token";

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
          "/login",
          "/api/signin/microsoft/callback",
          "/favicon.ico");

  public static final String PUBLIC_PREFIX = "/assets/";

  /**
   * Service hook deliveries, {@code POST /api/hooks/{subscription}}: Azure DevOps can't send the
   * API token, so they carry the subscription's own Basic credential, which the receiver checks.
   */
  private static final Pattern HOOK_DELIVERY = Pattern.compile("/api/hooks/[a-z2-7]{1,64}");

  private static final String HOOK_SUBSCRIPTIONS = "/api/hooks/subscriptions";
  public static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self';"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final String AUTH_ATTRIBUTE = "ado-connect.auth";
  private static final String SESSION_ATTRIBUTE = "ado-connect.session";
  private static final Set<HandlerType> STATE_CHANGING =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
  private static final Set<HandlerType> WITH_BODY =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);

  private final ApiToken token;
  private final Sessions sessions;

  public AccessGuard(ApiToken token, Sessions sessions) {
    this.token = token;
    this.sessions = sessions;
  }

  /** How a request was authenticated. */
  public enum Via {
    TOKEN,
    COOKIE
  }

  public static void securityHeaders(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
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
    authenticate(ctx);
    if (STATE_CHANGING.contains(ctx.method())) {
      if (!sameOrigin(ctx)) {
        throw new ApiException(
            403,
            "cross_origin",
            "State-changing requests from another site are refused.",
            "Use the page this service serves, or call the API without a browser.");
      }
      if (ctx.attribute(AUTH_ATTRIBUTE) == Via.COOKIE) {
        Sessions.Session session = ctx.attribute(SESSION_ATTRIBUTE);
        if (!Randoms.same(ctx.header(CSRF_HEADER), session.csrfToken())) {
          throw new ApiException(
              403,
              "csrf_token_invalid",
              "The X-CSRF-Token header is missing or wrong.",
              "Send the csrfToken from GET /api/session in the X-CSRF-Token header.");
        }
      }
    }
    if (WITH_BODY.contains(ctx.method())) {
      checkBody(ctx);
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
    if (authorization != null) {
      if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)
          && token.matches(authorization.substring(7).strip())) {
        ctx.attribute(AUTH_ATTRIBUTE, Via.TOKEN);
        return;
      }
      throw unauthorized();
    }
    var session = sessions.find(ctx.cookie(Sessions.COOKIE));
    if (session.isPresent()) {
      ctx.attribute(AUTH_ATTRIBUTE, Via.COOKIE);
      ctx.attribute(SESSION_ATTRIBUTE, session.get());
      return;
    }
    throw unauthorized();
  }

  private static ApiException unauthorized() {
    return new ApiException(
        401,
        "unauthorized",
        "This call needs the service's API token.",
        "Send Authorization: Bearer <token> with the token from <data-dir>/api-token, or open the login link"
            + " that ado-connect serve printed.");
  }

  /**
   * Same origin: no foreign {@code Origin}, and {@code Sec-Fetch-Site} (when sent) same-origin or
   * none.
   */
  static boolean sameOrigin(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      return false;
    }
    String origin = ctx.header("Origin");
    return origin == null || origin.equalsIgnoreCase(ctx.scheme() + "://" + ctx.host());
  }

  /**
   * Reads a body that is too large but still small (≤ 1 MiB) before refusing it: a client still
   * sending would otherwise meet a reset connection instead of the 413 that says what was wrong.
   */
  private static void drainSmallOverflow(Context ctx, long length) {
    if (length <= 16 * MAX_BODY) {
      try {
        ctx.req().getInputStream().skipNBytes(length);
      } catch (IOException | RuntimeException e) {
        // the client went away; the 413 is sent regardless
      }
    }
  }

  private static void checkBody(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length > MAX_BODY) {
      drainSmallOverflow(ctx, length);
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

  public static Sessions.Session session(Context ctx) {
    return ctx.attribute(SESSION_ATTRIBUTE);
  }
}
