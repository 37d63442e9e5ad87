package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The device code grant, state by state, and its tokens on Azure DevOps routes. */
class EntraDeviceCodeTest {

  private static Simulator simulator;
  private static EntraClient entra;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().deviceCodeIntervalSeconds(0).build());
    entra = new EntraClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void deviceCodeApprovedTokenWorksOnHomeOrganization() {
    JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
    assertThat(code.get("user_code").asText())
        .matches("[A-Z2-9]{9}")
        .isEqualTo(simulator.lastUserCode());
    assertThat(code.get("verification_uri").asText())
        .isEqualTo(simulator.baseUri() + "/devicelogin");
    assertThat(code.get("expires_in").asInt()).isEqualTo(900);
    assertThat(code.get("message").asText())
        .contains(code.get("user_code").asText())
        .contains("/devicelogin");

    HttpResponse<String> pending =
        entra.pollDevice("organizations", code.get("device_code").asText());
    assertThat(pending.statusCode()).isEqualTo(400);
    JsonNode error = TestClient.json(pending);
    assertThat(error.get("error").asText()).isEqualTo("authorization_pending");
    assertThat(error.get("error_codes").get(0).asInt()).isEqualTo(70016);
    assertThat(error.get("error_description").asText())
        .startsWith("AADSTS70016:")
        .contains("Trace ID:");
    assertThat(error.has("timestamp") && error.has("trace_id") && error.has("correlation_id"))
        .isTrue();

    simulator.approve(code.get("user_code").asText());
    HttpResponse<String> token =
        entra.pollDevice("organizations", code.get("device_code").asText());
    assertThat(token.statusCode()).isEqualTo(200);
    JsonNode body = TestClient.json(token);
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("scope").asText())
        .contains("499b84ac-1321-427f-aa17-267ca6975798/user_impersonation");
    assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
    assertThat(body.get("ext_expires_in").asInt()).isEqualTo(3600);
    assertThat(body.has("refresh_token") && body.has("id_token")).isTrue();

    String accessToken = body.get("access_token").asText();
    assertThat(entra.devOps("/org-001/_apis/projects?api-version=7.1", accessToken).statusCode())
        .isEqualTo(200);
    assertThat(entra.devOps("/_apis/profile/profiles/me?api-version=7.1", accessToken).statusCode())
        .isEqualTo(200);
  }

  static JsonNode error(HttpResponse<String> response, int status, String error, int code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode json = TestClient.json(response);
    assertThat(json.get("error").asText()).isEqualTo(error);
    assertThat(json.get("error_codes").get(0).asInt()).isEqualTo(code);
    assertThat(json.get("error_description").asText())
        .startsWith("AADSTS" + code + ":")
        .contains("Trace ID: ", "Correlation ID: ", "Timestamp: ");
    assertThat(json.get("timestamp").asText())
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z");
    assertThat(json.get("trace_id").asText()).hasSize(36);
    assertThat(json.get("correlation_id").asText()).hasSize(36);
    return json;
  }

  @Test
  void declinedByHook() {
    JsonNode code = entra.deviceCode("common", EntraClient.ADO_SCOPE);
    simulator.decline(code.get("user_code").asText());
    error(
        entra.pollDevice("common", code.get("device_code").asText()),
        400,
        "authorization_declined",
        65004);
    error(
        entra.pollDevice("common", code.get("device_code").asText()),
        400,
        "authorization_declined",
        65004);
  }

  @Test
  void expiredByHookAndUnknownDeviceCodeAndRedeemedTwice() {
    JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
    simulator.expire(code.get("user_code").asText());
    error(
        entra.pollDevice("organizations", code.get("device_code").asText()),
        400,
        "expired_token",
        70019);
    error(entra.pollDevice("organizations", "no-such-code"), 400, "bad_verification_code", 70018);

    JsonNode second = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
    simulator.approve(second.get("user_code").asText());
    assertThat(entra.pollDevice("organizations", second.get("device_code").asText()).statusCode())
        .isEqualTo(200);
    error(
        entra.pollDevice("organizations", second.get("device_code").asText()),
        400,
        "invalid_grant",
        90120);
  }

  @Test
  void slowDownByHookThenPendingAgain() {
    JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
    simulator.slowDownNext(code.get("user_code").asText());
    error(
        entra.pollDevice("organizations", code.get("device_code").asText()),
        400,
        "slow_down",
        70016);
    error(
        entra.pollDevice("organizations", code.get("device_code").asText()),
        400,
        "authorization_pending",
        70016);
  }

  @Test
  void devicecodeRejectsUnknownClientBadScopeAndConsumers() {
    error(
        entra.post(
            "/organizations/oauth2/v2.0/devicecode",
            EntraClient.form(
                "client_id",
                "11111111-2222-3333-4444-555555555555",
                "scope",
                EntraClient.ADO_SCOPE)),
        400,
        "unauthorized_client",
        700016);
    error(
        entra.post(
            "/organizations/oauth2/v2.0/devicecode",
            EntraClient.form(
                "client_id", EntraClient.VS, "scope", "https://graph.microsoft.com/User.Read")),
        400,
        "invalid_scope",
        70011);
    error(
        entra.post(
            "/organizations/oauth2/v2.0/devicecode",
            EntraClient.form("client_id", EntraClient.VS, "scope", "offline_access")),
        400,
        "invalid_scope",
        70011);
    error(
        entra.post(
            "/consumers/oauth2/v2.0/devicecode",
            EntraClient.form("client_id", EntraClient.VS, "scope", EntraClient.ADO_SCOPE)),
        400,
        "invalid_request",
        9002332);
    error(
        entra.post(
            "/nowhere.example/oauth2/v2.0/devicecode",
            EntraClient.form("client_id", EntraClient.VS, "scope", EntraClient.ADO_SCOPE)),
        400,
        "invalid_request",
        90002);
    error(
        entra.post(
            "/organizations/oauth2/v2.0/token",
            EntraClient.form("client_id", EntraClient.VS, "grant_type", "password")),
        400,
        "unsupported_grant_type",
        70003);
  }

  @Test
  void openidOnlyGivesATokenAzureDevOpsRefuses() {
    JsonNode code = entra.deviceCode("organizations", "openid profile");
    simulator.approve(code.get("user_code").asText());
    JsonNode token =
        TestClient.json(entra.pollDevice("organizations", code.get("device_code").asText()));

    assertThat(token.has("id_token")).isTrue();
    assertThat(token.has("refresh_token")).isFalse();
    assertThat(
            entra
                .devOps("/org-001/_apis/projects", token.get("access_token").asText())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void approveThroughTheVerificationPage() {
    JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
    String userCode = code.get("user_code").asText();

    HttpResponse<String> form = entra.get("/devicelogin");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(form.body())
        .contains("<label for=\"otc\">Code</label>", "name=\"otc\"", ">Continue</button>");

    HttpResponse<String> wrong = entra.post("/devicelogin", EntraClient.form("otc", "WRONGCODE"));
    assertThat(wrong.body())
        .contains("role=\"alert\"", "Check the code and try again", "name=\"otc\"");

    HttpResponse<String> consent =
        entra.post("/devicelogin", EntraClient.form("otc", userCode.toLowerCase()));
    assertThat(consent.body())
        .contains(
            "Visual Studio",
            "Azure DevOps",
            "value=\"approve\"",
            "value=\"decline\"",
            "alex.wilber@contoso.example",
            "name=\"user\"");

    HttpResponse<String> approved =
        entra.post(
            "/devicelogin",
            EntraClient.form(
                "otc", userCode, "user", "alex.wilber@contoso.example", "action", "approve"));
    assertThat(approved.body())
        .contains("You have signed in to the Visual Studio application on your device");

    JsonNode token =
        TestClient.json(entra.pollDevice("organizations", code.get("device_code").asText()));
    JsonNode claims = Jwts.claims(token.get("id_token").asText());
    assertThat(claims.get("preferred_username").asText()).isEqualTo("alex.wilber@contoso.example");
    assertThat(claims.get("tid").asText())
        .isEqualTo(simulator.entra().homeTenant().id().toString());
    assertThat(entra.post("/devicelogin", EntraClient.form("otc", userCode)).body())
        .contains("already been used");
  }

  @Test
  void declineThroughTheVerificationPage() {
    JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
    HttpResponse<String> declined =
        entra.post(
            "/devicelogin",
            EntraClient.form("otc", code.get("user_code").asText(), "action", "decline"));

    assertThat(declined.body()).contains("declined");
    error(
        entra.pollDevice("organizations", code.get("device_code").asText()),
        400,
        "authorization_declined",
        65004);
  }

  @Test
  void conditionalAccessBlocksTheDeviceFlowPerTenant() {
    String second = simulator.entra().secondTenant().domain();
    simulator.blockDeviceCodeFlow(second, true);
    try {
      JsonNode blocked = entra.deviceCode(second, EntraClient.ADO_SCOPE);
      simulator.approve(blocked.get("user_code").asText());
      error(
          entra.pollDevice(second, blocked.get("device_code").asText()),
          400,
          "invalid_grant",
          53003);
      // The home tenant is not affected.
      assertThat(entra.signIn("organizations", null).has("access_token")).isTrue();
    } finally {
      simulator.blockDeviceCodeFlow(second, false);
    }
    assertThat(entra.signIn(second, null).has("access_token")).isTrue();
  }

  @Test
  void correlationIdEchoesClientRequestId() {
    HttpResponse<String> response =
        TestClient.send(
            java.net.http.HttpRequest.newBuilder(
                    simulator.baseUri().resolve("/organizations/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("client-request-id", "aaaa0000-bb11-2222-33cc-444444dddddd")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        EntraClient.encode(
                            EntraClient.form(
                                "grant_type",
                                EntraClient.DEVICE_GRANT,
                                "client_id",
                                EntraClient.VS,
                                "device_code",
                                "x"))))
                .build());
    assertThat(TestClient.json(response).get("correlation_id").asText())
        .isEqualTo("aaaa0000-bb11-2222-33cc-444444dddddd");
  }

  @Test
  void entraRoutesAreCountedAndHonourFailNext() {
    simulator.failNext("/organizations/oauth2/v2.0/devicecode", 503, 1);
    long before = simulator.requestCount("/organizations/oauth2/v2.0/devicecode");
    HttpResponse<String> failed =
        entra.post(
            "/organizations/oauth2/v2.0/devicecode",
            EntraClient.form("client_id", EntraClient.VS, "scope", EntraClient.ADO_SCOPE));

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(simulator.requestCount("/organizations/oauth2/v2.0/devicecode"))
        .isEqualTo(before + 1);
  }
}
