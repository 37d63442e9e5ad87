package io.adoconnect.server.connections;

import io.adoconnect.connect.DeviceFlowView;
import io.adoconnect.server.RequestCore;
import io.adoconnect.server.errors.ApiException;
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
  private final RequestCore ado;
  private final boolean enabled;

  public DeviceController(RequestCore ado) {
    this(ado, true);
  }

  /**
   * @param enabled false in a team deployment that did not enable device code sign-in: starting one
   *     is refused (RFC 8628 §5.4, remote phishing), polling finds nothing
   */
  public DeviceController(RequestCore ado, boolean enabled) {
    this.ado = ado;
    this.enabled = enabled;
  }

  public void routes(RoutesConfig routes) {
    routes.post("/api/connections/device", this::start);
    routes.get("/api/connections/device/{flowId}", this::poll);
  }

  private void start(Context ctx) {
    if (!enabled) {
      throw new ApiException(
          403,
          "device_code_disabled",
          "Device code sign-in is off in this deployment: a code one person starts and another"
              + " approves is a known phishing route (RFC 8628 section 5.4).",
          "Connect with a Personal Access Token or Sign in with Microsoft; the deployment's"
              + " operator can turn device code sign-in on.");
    }
    DeviceFlowView flow = ado.of(ctx).startDevice();
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
    DeviceFlowView flow = ado.of(ctx).pollDevice(flowId); // an unknown id: 404 not_found_locally
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
