package io.adoconnect.server.connections;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.DeviceFlowView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device code sign-in (RFC 8628) over HTTP: start, then poll. Flows live in the store, so a
 * restarted service answers polls of flows started before it. A poll asks Entra at most once per
 * interval; polling faster only returns the last known state.
 */
public final class DeviceController {
  private final AdoConnect ado;

  public DeviceController(AdoConnect ado) {
    this.ado = ado;
  }

  public void routes(RoutesConfig routes) {
    routes.post("/api/connections/device", this::start);
    routes.get("/api/connections/device/{flowId}", this::poll);
  }

  private void start(Context ctx) {
    DeviceFlowView flow = ado.startDevice();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("flowId", flow.flowId());
    body.put("userCode", flow.userCode());
    body.put("verificationUri", flow.verificationUri());
    body.put("expiresAt", flow.expiresAt());
    body.put("interval", flow.interval());
    body.put("message", flow.message());
    body.put("state", flow.state());
    ctx.status(201).header("Location", "/api/connections/device/" + flow.flowId()).json(body);
  }

  private void poll(Context ctx) {
    String flowId = ctx.pathParam("flowId");
    DeviceFlowView flow = ado.pollDevice(flowId); // an unknown id: 404 not_found_locally
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("flowId", flow.flowId());
    body.put("state", flow.state());
    body.put("interval", flow.interval());
    body.put("expiresAt", flow.expiresAt());
    if (flow.account() != null) {
      body.put("account", flow.account());
    }
    ctx.json(body);
  }
}
