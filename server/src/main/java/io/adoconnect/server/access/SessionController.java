package io.adoconnect.server.access;

import io.adoconnect.server.errors.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The browser's way in: {@code GET /login?ticket=…} trades a one-time ticket for a session cookie
 * and redirects to the page; {@code GET /api/session} tells the page who it is and gives it its
 * CSRF token; {@code DELETE /api/session} logs out; {@code POST /api/session/login-link} mints a
 * fresh login link for a caller holding the API token.
 */
public final class SessionController {
  private final LoginTickets tickets;
  private final Sessions sessions;
  private final Supplier<URI> baseUri;

  public SessionController(LoginTickets tickets, Sessions sessions, Supplier<URI> baseUri) {
    this.tickets = tickets;
    this.sessions = sessions;
    this.baseUri = baseUri;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/login", this::login);
    routes.get("/api/session", this::session);
    routes.delete("/api/session", this::logout);
    routes.post("/api/session/login-link", this::loginLink);
  }

  /** The link printed at start-up and minted by {@code POST /api/session/login-link}. */
  public String newLoginLink() {
    return baseUri.get().resolve("/login?ticket=" + tickets.issue().ticket()).toString();
  }

  private void login(Context ctx) {
    if (!tickets.redeem(ctx.queryParam("ticket"))) {
      throw ApiException.badRequest(
          "login_ticket_invalid",
          "This login link is invalid, used or expired (links work once, for 60 s).",
          "Get a new one: restart ado-connect serve, or POST /api/session/login-link with the API token.");
    }
    Sessions.Opened opened = sessions.open();
    ctx.res()
        .addHeader(
            "Set-Cookie", Sessions.cookie(opened.cookieValue(), "https".equals(ctx.scheme())));
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void session(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("authenticated", true);
    AccessGuard.Via via = AccessGuard.via(ctx);
    body.put("via", via == AccessGuard.Via.COOKIE ? "cookie" : "token");
    if (via == AccessGuard.Via.COOKIE) {
      body.put("csrfToken", AccessGuard.session(ctx).csrfToken());
      body.put("expiresAt", AccessGuard.session(ctx).expiresAt());
    }
    ctx.json(body);
  }

  private void logout(Context ctx) {
    if (AccessGuard.via(ctx) == AccessGuard.Via.COOKIE) {
      sessions.close(AccessGuard.session(ctx));
      ctx.res().addHeader("Set-Cookie", Sessions.expiredCookie());
    }
    ctx.status(204);
  }

  private void loginLink(Context ctx) {
    if (AccessGuard.via(ctx) != AccessGuard.Via.TOKEN) {
      throw new ApiException(
          403,
          "token_required",
          "Only a caller holding the API token can mint login links.",
          "Call this with Authorization: Bearer <token>.");
    }
    LoginTickets.Issued issued = tickets.issue();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", baseUri.get().resolve("/login?ticket=" + issued.ticket()).toString());
    body.put("expiresAt", issued.expiresAt());
    ctx.status(201).json(body);
  }
}
