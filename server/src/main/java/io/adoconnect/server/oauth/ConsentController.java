package io.adoconnect.server.oauth;

import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.access.AccessGuard;
import io.adoconnect.server.access.Randoms;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.store.Ids;
import io.adoconnect.store.OAuthStore;
import io.adoconnect.store.Owner;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's side of an MCP client's sign-in, called by the integrations page: {@code GET
 * /api/oauth/requests/{id}} shows what is asked, {@code POST /api/oauth/requests/{id}} answers it
 * with the reach approved — write or read only, the sources only or everything — and returns where
 * the browser goes next (the client's redirect URI with the code, or with {@code access_denied}).
 * Only a page session may answer (the cookie and the tab's secret): a program holding the API token
 * can't approve a client in the operator's name. {@code GET /api/oauth/clients} lists the connected
 * clients and {@code DELETE /api/oauth/clients/{id}} revokes one, with every token it holds.
 */
public final class ConsentController {
  private final OAuthStore store;
  private final OAuthUris uris;
  private final PendingAuthorizations pending;
  private final Owner fallback;
  private final boolean writeAllowed;
  private final Clock clock;

  /** The body of an answer. */
  record Answer(Boolean approve, Boolean write, Boolean sourcesOnly) {}

  ConsentController(
      OAuthStore store,
      OAuthUris uris,
      PendingAuthorizations pending,
      Owner fallback,
      boolean writeAllowed,
      Clock clock) {
    this.store = store;
    this.uris = uris;
    this.pending = pending;
    this.fallback = fallback;
    this.writeAllowed = writeAllowed;
    this.clock = clock;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/api/oauth/requests/{id}", this::show);
    routes.post("/api/oauth/requests/{id}", this::answer);
    routes.get("/api/oauth/clients", this::clients);
    routes.delete("/api/oauth/clients/{id}", this::revoke);
  }

  /**
   * Whose grants a request sees and answers: the page session's or the application key's owner; the
   * single-user API token works on the local owner's.
   */
  private Owner owner(Context ctx) {
    Owner owner = AccessGuard.owner(ctx);
    return owner == null ? fallback : owner;
  }

  /** A waiting request of this caller's; another person's is not found, as an unknown one. */
  private PendingAuthorizations.Pending find(Context ctx) {
    String asking = owner(ctx).key();
    return pending
        .find(ctx.pathParam("id"))
        .filter(p -> p.owner().equals(asking))
        .orElseThrow(
            () ->
                new ApiException(
                    404,
                    "oauth_request_not_found",
                    "This sign-in request was already answered or has expired (they wait 10"
                        + " minutes).",
                    "Start the sign-in again from the MCP client."));
  }

  private void show(Context ctx) {
    PendingAuthorizations.Pending request = find(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", request.id());
    body.put("clientId", request.clientId());
    body.put("clientName", request.clientName());
    body.put("redirectUri", request.redirectUri());
    body.put("resource", request.resource());
    body.put("wantsWrite", request.wantsWrite());
    body.put("writeAllowed", writeAllowed);
    body.put("expiresAt", request.expiresAt());
    ctx.json(body);
  }

  private void answer(Context ctx) {
    // Another person's request is not found, whoever asks; then only a page session may answer.
    PendingAuthorizations.Pending request = find(ctx);
    if (AccessGuard.via(ctx) != AccessGuard.Via.COOKIE) {
      throw new ApiException(
          403,
          "consent_needs_page",
          "Only the operator, signed in to the integrations page, can approve an MCP client.",
          "Open the integrations page with a login link and answer the request there.");
    }
    Answer answer = JsonBodies.read(ctx, Answer.class);
    if (answer.approve() == null) {
      throw ApiException.badRequest(
          "approve_required",
          "Say whether the client is approved: {\"approve\": true|false}.",
          "Send approve, and with it write and sourcesOnly.");
    }
    boolean write = Boolean.TRUE.equals(answer.write());
    if (write && !writeAllowed) {
      throw ApiException.badRequest(
          "mcp_write_disabled",
          "Writing through MCP is turned off for this service, so it can't be granted.",
          "Approve read-only access, or restart ado-connect serve with --mcp-allow-write.");
    }
    if (pending.take(request.id()).isEmpty()) {
      throw new ApiException(
          404,
          "oauth_request_not_found",
          "This sign-in request was answered meanwhile (on another page or instance).",
          "Start the sign-in again from the MCP client if it did not go through.");
    }
    String redirect;
    if (!answer.approve()) {
      redirect =
          AuthorizeController.redirectWith(
              request.redirectUri(),
              request.state(),
              uris.issuer().toString(),
              Map.of("error", "access_denied", "error_description", "The operator declined."));
    } else {
      Instant now = clock.instant();
      OAuthStore.Grant grant =
          new OAuthStore.Grant(
              Ids.newId(),
              request.owner(),
              request.clientId(),
              write,
              !Boolean.FALSE.equals(answer.sourcesOnly()),
              request.resource(),
              now,
              null,
              null);
      String code = Randoms.token(32);
      store.createGrant(
          grant,
          new OAuthStore.Code(
              Hashes.of(code),
              grant.id(),
              request.redirectUri(),
              request.codeChallenge(),
              now.plus(TokenIssuer.CODE_LIFETIME)));
      redirect =
          AuthorizeController.redirectWith(
              request.redirectUri(),
              request.state(),
              uris.issuer().toString(),
              Map.of("code", code));
    }
    ctx.json(Map.of("redirect", redirect));
  }

  private void clients(Context ctx) {
    List<Map<String, Object>> out =
        store.grants(owner(ctx)).stream()
            .map(
                c -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("id", c.grant().id());
                  row.put("clientId", c.client().clientId());
                  row.put("clientName", c.client().clientName());
                  row.put("redirectUris", c.client().redirectUris());
                  row.put("write", c.grant().canWrite() && writeAllowed);
                  row.put("sourcesOnly", c.grant().sourcesOnly());
                  row.put("connectedAt", c.grant().createdAt());
                  row.put("lastRefreshedAt", c.grant().lastUsedAt());
                  return row;
                })
            .toList();
    ctx.json(out);
  }

  private void revoke(Context ctx) {
    if (!store.revokeGrant(owner(ctx), ctx.pathParam("id"), clock.instant())) {
      throw new ApiException(
          404,
          "oauth_client_not_found",
          "No connected MCP client has this id.",
          "List them with GET /api/oauth/clients.");
    }
    ctx.status(204);
  }
}
