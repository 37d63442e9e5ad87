package io.adoconnect.simulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /{tenant}/oauth2/v2.0/devicecode}: the device authorization request (RFC 8628 §3.1),
 * answered with Entra's fields ({@code user_code}, {@code device_code}, {@code verification_uri},
 * {@code expires_in}, {@code interval}, {@code message}).
 */
final class DeviceAuthorizationEndpoint {
  private final Clients clients;
  private final Authorities authorities;
  private final GrantStore grants;
  private final EntraService.Settings settings;
  private final Clock clock;

  DeviceAuthorizationEndpoint(
      Clients clients,
      Authorities authorities,
      GrantStore grants,
      EntraService.Settings settings,
      Clock clock) {
    this.clients = clients;
    this.authorities = authorities;
    this.grants = grants;
    this.settings = settings;
    this.clock = clock;
  }

  Response handle(Request request, Map<String, String> form, String root) {
    Client client = clients.find(form.get("client_id"));
    Authority authority = authorities.forFlow(request.segments().get(0), client);
    ScopeSet scopes = ScopeSet.parse(form.get("scope"));
    Instant now = clock.instant();
    String userCode = grants.newUserCode();
    String deviceCode = "DAQABIQEAAAD" + grants.randomToken(96);
    grants.save(
        new DeviceAuthorization(
            deviceCode,
            userCode,
            client,
            scopes,
            authority,
            now,
            now.plusSeconds(settings.deviceCodeLifetimeSeconds())));
    String verificationUri = root + "/devicelogin";
    ObjectNode body = Json.object();
    body.put("user_code", userCode);
    body.put("device_code", deviceCode);
    body.put("verification_uri", verificationUri);
    body.put("expires_in", settings.deviceCodeLifetimeSeconds());
    body.put("interval", settings.deviceCodeIntervalSeconds());
    body.put(
        "message",
        "To sign in, use a web browser to open the page "
            + verificationUri
            + " and enter the code "
            + userCode
            + " to authenticate.");
    return EntraError.noStore(Json.ok(body));
  }
}
