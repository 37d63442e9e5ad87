package io.adoconnect.server.accounts;

import io.adoconnect.server.RequestCore;
import io.adoconnect.server.errors.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/accounts} (the public view, with what each account may do: no token, PAT or
 * secret is part of it) and {@code DELETE /api/accounts/{id}} (disconnect: the account and its
 * sealed secrets go; its sources stay, shown as disconnected).
 */
public final class AccountsController {
  private final RequestCore ado;

  public AccountsController(RequestCore ado) {
    this.ado = ado;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/api/accounts", ctx -> ctx.json(ado.of(ctx).accountViews()));
    routes.delete("/api/accounts/{id}", this::disconnect);
  }

  private void disconnect(Context ctx) {
    String id = ctx.pathParam("id");
    if (ado.of(ctx).accounts().stream().noneMatch(a -> a.id().equals(id))) {
      throw ApiException.notFound(
          "No connected account has that id.", "GET /api/accounts lists them.");
    }
    ado.of(ctx).disconnect(id);
    ctx.status(204);
  }
}
