package io.adoconnect.server.access;

import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.server.team.TeamMode;
import io.adoconnect.store.Owner;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The browser's way in. The page opened at {@code /login?ticket=…} trades the one-time ticket for a
 * session with {@code POST /api/session} (the login exchange): the answer sets the session cookie
 * and hands the page its per-tab secret, once — nothing else ever returns it. {@code GET
 * /api/session} tells the page who it is; {@code DELETE /api/session} logs out; {@code POST
 * /api/session/login-link} mints a fresh login link for a caller holding the API token (what {@code
 * ado-connect login-link} calls).
 */
public final class SessionController {
  private final LoginTickets tickets;
  private final Sessions sessions;
  private final Supplier<URI> baseUri;
  private final Optional<TeamMode> team;

  public SessionController(LoginTickets tickets, Sessions sessions, Supplier<URI> baseUri) {
    this(tickets, sessions, baseUri, Optional.empty());
  }

  /**
   * @param team present in team mode: tickets are connect links, each for one end user
   */
  public SessionController(
      LoginTickets tickets, Sessions sessions, Supplier<URI> baseUri, Optional<TeamMode> team) {
    this.tickets = tickets;
    this.sessions = sessions;
    this.baseUri = baseUri;
    this.team = team;
  }

  /** The body of the login exchange. */
  record Exchange(String ticket) {
    @Override
    public String toString() {
      return "Exchange[****]";
    }
  }

  public void routes(RoutesConfig routes) {
    routes.post(AccessGuard.EXCHANGE, this::exchange);
    routes.get("/api/session", this::session);
    routes.delete("/api/session", this::logout);
    routes.post("/api/session/login-link", this::loginLink);
  }

  /** The link printed at start-up and minted by {@code POST /api/session/login-link}. */
  public String newLoginLink() {
    return link(tickets.issue());
  }

  private String link(LoginTickets.Issued issued) {
    return baseUri.get().resolve("/login?ticket=" + issued.ticket()).toString();
  }

  private void exchange(Context ctx) {
    Exchange body = JsonBodies.read(ctx, Exchange.class);
    // In team mode only connect links open sessions: a single-user login ticket, had one been
    // minted, would open the local owner's rows.
    Optional<Owner> owner =
        tickets.redeemFor(body.ticket()).filter(o -> team.isEmpty() || !o.equals(Owner.LOCAL));
    if (owner.isEmpty() && team.isPresent()) {
      throw ApiException.badRequest(
          "login_ticket_invalid",
          "This connect link was already used or has expired (a link works once).",
          "Ask the application that sent you here for a new link.");
    }
    if (owner.isEmpty()) {
      throw ApiException.badRequest(
          "login_ticket_invalid",
          "This login link was already used or has expired (a link works once, for 60 s).",
          "Get a new login link: ado-connect login-link prints one, as does restarting ado-connect"
              + " serve.");
    }
    Sessions.Opened opened = sessions.open(ctx.cookie(Sessions.COOKIE), owner.get());
    if (opened.cookieValue() != null) {
      ctx.res()
          .addHeader(
              "Set-Cookie", Sessions.cookie(opened.cookieValue(), "https".equals(ctx.scheme())));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("tabSecret", opened.tabSecret());
    answer.put("header", Sessions.TAB_HEADER);
    answer.put("expiresAt", opened.session().expiresAt());
    ctx.status(201).json(answer);
  }

  private void session(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("authenticated", true);
    AccessGuard.Via via = AccessGuard.via(ctx);
    body.put(
        "via",
        switch (via) {
          case COOKIE -> "cookie";
          case TOKEN -> "token";
          case APPLICATION_KEY -> "application_key";
        });
    if (via == AccessGuard.Via.COOKIE) {
      body.put("expiresAt", AccessGuard.session(ctx).expiresAt());
    }
    body.put("mode", team.isPresent() ? "team" : "single_user");
    body.put("deviceCode", team.map(TeamMode::deviceCode).orElse(true));
    if (team.isPresent()) {
      body.put("endUser", AccessGuard.owner(ctx).endUser());
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
    body.put("url", link(issued));
    body.put("expiresAt", issued.expiresAt());
    ctx.status(201).json(body);
  }
}
