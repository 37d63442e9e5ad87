package io.adoconnect.server.team;

import io.adoconnect.server.access.AccessGuard;
import io.adoconnect.server.access.LoginTickets;
import io.adoconnect.server.errors.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /api/connect-links} (team mode, application key + {@value EndUsers#HEADER}): a
 * short-lived, one-time link that opens the integrations page for that one end user — the Nango
 * Connect / Merge Link pattern. The application hands the link to its user; the page it opens works
 * on that user's rows only, with a session of its own, and never shows a token. A link used twice
 * or after {@link TeamMode#connectLinkLifetime()} is refused. Only the hash of a link's ticket is
 * kept, in the database: a link minted through one instance opens on another, or after a restart.
 */
public final class ConnectLinksController {
  private final LoginTickets tickets;
  private final Optional<TeamMode> team;
  private final Supplier<URI> publicUrl;

  /**
   * @param team empty in the single-user service, where the route exists (the API is one document)
   *     but answers 403: it has login links instead
   */
  public ConnectLinksController(
      LoginTickets tickets, Optional<TeamMode> team, Supplier<URI> publicUrl) {
    this.tickets = tickets;
    this.team = team;
    this.publicUrl = publicUrl;
  }

  public void routes(RoutesConfig routes) {
    routes.post("/api/connect-links", this::create);
  }

  private void create(Context ctx) {
    if (team.isEmpty() || AccessGuard.via(ctx) != AccessGuard.Via.APPLICATION_KEY) {
      throw new ApiException(
          403,
          "application_key_required",
          "Only an application, with its API key, can mint connect links (team mode).",
          team.isEmpty()
              ? "This service runs for one user: mint a login link instead (POST"
                  + " /api/session/login-link)."
              : "Call this from the application's back end with Authorization: Bearer <key>.");
    }
    LoginTickets.Issued issued =
        tickets.issue(AccessGuard.owner(ctx), team.get().connectLinkLifetime());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", publicUrl.get().resolve("/login?ticket=" + issued.ticket()).toString());
    body.put("expiresAt", issued.expiresAt());
    body.put("endUser", AccessGuard.owner(ctx).endUser());
    ctx.status(201).json(body);
  }
}
