package io.adoconnect.server.connections;

import io.adoconnect.auth.Secret;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.PatTarget;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.RequestCore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code POST /api/connections/pat/test} (nothing saved) and {@code POST /api/connections/pat}
 * (saves the account).
 */
public final class PatController {
  private final RequestCore ado;

  public PatController(RequestCore ado) {
    this.ado = ado;
  }

  public void routes(RoutesConfig routes) {
    routes.post("/api/connections/pat/test", this::test);
    routes.post("/api/connections/pat", this::connect);
  }

  private void test(Context ctx) {
    PatRequest request = JsonBodies.read(ctx, PatRequest.class);
    PatTarget target = request.target();
    Secret pat = request.secret();
    ctx.json(Map.of("ok", true, "checks", ado.of(ctx).testPat(target, pat)));
  }

  private void connect(Context ctx) {
    PatRequest request = JsonBodies.read(ctx, PatRequest.class);
    PatTarget target = request.target();
    Secret pat = request.secret();
    AdoConnect.Connected connected = ado.of(ctx).connectPat(target, pat);
    ctx.status(201)
        .header("Location", "/api/accounts/" + connected.account().id())
        .json(connected.account());
  }
}
