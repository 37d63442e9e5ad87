package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PAT test and connect (Services and Server), accounts and disconnect, device code flow over HTTP.
 */
class ConnectionsTest extends ServerTestBase {

  @Test
  void patTestSavesNothingAndConnectSavesThePublicView() {
    serve(
        (service, api) -> {
          Api.Response test =
              api.post("/api/connections/pat/test")
                  .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                  .send();
          assertThat(test.status()).as(test.toString()).isEqualTo(200);
          assertThat(test.json().path("ok").asBoolean()).isTrue();
          assertThat(test.json().path("checks").get(0).path("organization").asText())
              .isEqualTo("org-001");
          assertThat(api.get("/api/accounts").send().json()).isEmpty();

          Api.Response connect =
              api.post("/api/connections/pat")
                  .json(Map.of("organizations", List.of("org-001", "org-002"), "pat", CANARY_PAT))
                  .send();
          assertThat(connect.status()).as(connect.toString()).isEqualTo(201);
          JsonNode account = connect.json();
          assertThat(account.path("method").asText()).isEqualTo("pat");
          assertThat(account.path("host").asText()).isEqualTo("services");
          assertThat(account.path("organizations").toString()).contains("org-001", "org-002");
          assertThat(connect.header("Location"))
              .isEqualTo("/api/accounts/" + account.path("id").asText());

          JsonNode accounts = api.get("/api/accounts").send().json();
          assertThat(accounts).hasSize(1);
          assertThat(accounts.get(0).fieldNames())
              .toIterable()
              .containsExactlyInAnyOrder(
                  "id",
                  "method",
                  "host",
                  "displayName",
                  "email",
                  "tenantId",
                  "scope",
                  "connectedAt",
                  "expiresAt",
                  "organizations",
                  "status",
                  "permissions");
          assertThat(accounts.get(0).path("permissions").path("kind").asText()).isEqualTo("token");
        });
  }

  @Test
  void azureDevOpsServerNeedsServerUrlAndCollection() {
    serve(
        (service, api) -> {
          Api.Response connect =
              api.post("/api/connections/pat")
                  .json(
                      Map.of(
                          "serverUrl",
                          simulator.baseUri() + "/tfs",
                          "collection",
                          "DefaultCollection",
                          "pat",
                          CANARY_PAT))
                  .send();
          assertThat(connect.status()).as(connect.toString()).isEqualTo(201);
          assertThat(connect.json().path("host").asText()).isEqualTo(simulator.baseUri() + "/tfs");
          assertThat(connect.json().path("organizations").get(0).asText())
              .isEqualTo("DefaultCollection");

          assertThat(
                  api.post("/api/connections/pat")
                      .json(Map.of("serverUrl", "not a url", "collection", "C", "pat", CANARY_PAT))
                      .send()
                      .status())
              .isEqualTo(400);
          assertThat(
                  api.post("/api/connections/pat")
                      .json(Map.of("serverUrl", simulator.baseUri() + "/tfs", "pat", CANARY_PAT))
                      .send()
                      .status())
              .isEqualTo(400);
          assertThat(
                  api.post("/api/connections/pat")
                      .json(
                          Map.of(
                              "organization",
                              "org-001",
                              "serverUrl",
                              simulator.baseUri() + "/tfs",
                              "collection",
                              "C",
                              "pat",
                              CANARY_PAT))
                      .send()
                      .code())
              .isEqualTo("invalid_input");
          assertThat(service.ado.accounts()).hasSize(1);
        });
  }

  @Test
  void aRefusedPatIsAnUpstreamFailureNotOurOwn401AndSavesNothing() {
    serve(
        (service, api) -> {
          Api.Response wrong =
              api.post("/api/connections/pat")
                  .json(Map.of("organization", "org-001", "pat", "wrong-pat-0123456789abcdefghij"))
                  .send();
          assertThat(wrong.status()).as(wrong.toString()).isEqualTo(424);
          assertThat(wrong.code()).isEqualTo("azure_devops_access_denied");
          assertThat(wrong.json().path("hint").asText()).isNotBlank();
          assertThat(
                  api.post("/api/connections/pat")
                      .json(Map.of("organization", "bad org!", "pat", CANARY_PAT))
                      .send()
                      .code())
              .isEqualTo("invalid_input");
          assertThat(
                  api.post("/api/connections/pat")
                      .json(Map.of("organization", "org-001"))
                      .send()
                      .code())
              .isEqualTo("invalid_input");
          assertThat(
                  api.post("/api/connections/pat")
                      .json(Map.of("organization", "org-001", "pat", "has space in it"))
                      .send()
                      .status())
              .isEqualTo(400);
          assertThat(service.ado.accounts()).isEmpty();
        });
  }

  @Test
  void disconnectDeletesTheAccountAndUnknownIdsAre404() {
    serve(
        (service, api) -> {
          String id =
              api.post("/api/connections/pat")
                  .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                  .send()
                  .json()
                  .path("id")
                  .asText();
          assertThat(api.delete("/api/accounts/nope").send().status()).isEqualTo(404);
          assertThat(api.delete("/api/accounts/" + id).send().status()).isEqualTo(204);
          assertThat(api.get("/api/accounts").send().json()).isEmpty();
          assertThat(api.delete("/api/accounts/" + id).send().status()).isEqualTo(404);
        });
  }

  @Test
  void deviceFlowStartsPollsAndAuthorizes() {
    serve(
        (service, api) -> {
          Api.Response start = api.post("/api/connections/device").send();
          assertThat(start.status()).as(start.toString()).isEqualTo(201);
          JsonNode flow = start.json();
          assertThat(flow.fieldNames())
              .toIterable()
              .contains("flowId", "userCode", "verificationUri", "expiresAt", "interval");
          String flowId = flow.path("flowId").asText();
          assertThat(flow.path("userCode").asText()).isEqualTo(simulator.lastUserCode());

          afterInterval();
          JsonNode pending = api.get("/api/connections/device/" + flowId).send().json();
          assertThat(pending.path("state").asText()).isIn("pending", "slow_down");
          assertThat(pending.has("account")).isFalse();

          simulator.approve(flow.path("userCode").asText());
          assertThat(
                  api.get("/api/connections/device/" + flowId).send().json().path("state").asText())
              .as("polling faster than the interval only answers the last state")
              .isIn("pending", "slow_down");
          afterInterval();
          JsonNode authorized = api.get("/api/connections/device/" + flowId).send().json();
          assertThat(authorized.path("state").asText()).isEqualTo("authorized");
          assertThat(authorized.path("account").path("method").asText()).isEqualTo("device_code");
          assertThat(api.get("/api/accounts").send().json()).hasSize(1);

          Api.Response unknown = api.get("/api/connections/device/unknownflow").send();
          assertThat(unknown.status()).isEqualTo(404);
          assertThat(unknown.json().path("code").asText()).isEqualTo("not_found_locally");
          assertThat(unknown.json().path("action").path("type").asText())
              .isEqualTo("start_sign_in");
        });
  }

  @Test
  void aDeclinedDeviceFlowIsDeniedAndSavesNothing() {
    serve(
        (service, api) -> {
          JsonNode flow = api.post("/api/connections/device").send().json();
          simulator.decline(flow.path("userCode").asText());
          afterInterval();
          JsonNode denied =
              api.get("/api/connections/device/" + flow.path("flowId").asText()).send().json();
          assertThat(denied.path("state").asText()).isEqualTo("denied");
          assertThat(service.ado.accounts()).isEmpty();
        });
  }

  @Test
  void aDeviceFlowSurvivesARestartOfTheService() {
    String flowId;
    String userCode;
    try (Service first = service()) {
      String[] started = new String[2];
      serve(
          first,
          (service, api) -> {
            JsonNode flow = api.post("/api/connections/device").send().json();
            started[0] = flow.path("flowId").asText();
            started[1] = flow.path("userCode").asText();
          });
      flowId = started[0];
      userCode = started[1];
    }
    simulator.approve(userCode);
    afterInterval();
    try (Service second = service()) {
      serve(
          second,
          (service, api) -> {
            JsonNode polled = api.get("/api/connections/device/" + flowId).send().json();
            assertThat(polled.path("state").asText()).isEqualTo("authorized");
            assertThat(polled.path("account").path("id").asText()).isNotBlank();
            assertThat(service.ado.accounts()).hasSize(1);
          });
    }
  }
}
