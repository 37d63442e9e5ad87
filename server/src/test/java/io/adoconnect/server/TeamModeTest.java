package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.server.TeamFixture.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --team}: application keys, end users, and each (application, end user)'s own rows;
 * the single-user API token opens nothing.
 */
class TeamModeTest extends ServerTestBase {

  private Service team(boolean deviceCode) {
    return new Service(env(), Optional.empty(), c -> c.withTeam(TeamFixture.teamMode(deviceCode)));
  }

  private static String connect(Api api, Caller caller, String org) {
    Api.Response r =
        caller
            .on(api.post("/api/connections/pat"))
            .json(Map.of("organizations", List.of(org), "pat", CANARY_PAT))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  @Test
  void everyCallNeedsALiveApplicationKeyAndAValidEndUser() {
    try (Service service = team(false)) {
      Caller alice = TeamFixture.application(service, "orchestrator", "alice");
      canaries.add(alice.key());
      serve(
          service,
          (s, api) -> {
            assertThat(alice.on(api.get("/api/accounts")).send().status()).isEqualTo(200);

            Api.Response token = api.get("/api/accounts").send(); // the single-user API token
            assertThat(token.status()).isEqualTo(401);
            assertThat(token.body()).contains("application API key");
            assertThat(api.get("/api/accounts").noToken().send().status()).isEqualTo(401);
            String wrong = alice.key().substring(0, alice.key().length() - 2) + "xx";
            assertThat(
                    new Caller(alice.application(), wrong, "alice")
                        .on(api.get("/api/accounts"))
                        .send()
                        .status())
                .isEqualTo(401);

            Api.Response noUser =
                api.get("/api/accounts")
                    .noToken()
                    .header("Authorization", "Bearer " + alice.key())
                    .send();
            assertThat(noUser.status()).isEqualTo(400);
            assertThat(noUser.code()).isEqualTo("end_user_required");
            for (String bad : List.of("a/b", "x".repeat(129), "al ice", "ä")) {
              Api.Response r = alice.as(bad).on(api.get("/api/accounts")).send();
              assertThat(r.status()).as(bad).isEqualTo(400);
              assertThat(r.code()).isEqualTo("invalid_end_user");
            }

            service.ado.applications().revoke(alice.application());
            assertThat(alice.on(api.get("/api/accounts")).send().status()).isEqualTo(401);
          });
    }
  }

  @Test
  void eachEndUserOfEachApplicationHasTheirOwnAccountsAndSources() {
    try (Service service = team(false)) {
      Caller alice = TeamFixture.application(service, "orchestrator", "alice");
      Caller otherAlice = TeamFixture.application(service, "ci", "alice");
      Caller bob = alice.as("bob");
      serve(
          service,
          (s, api) -> {
            String account = connect(api, alice, "org-001");

            assertThat(alice.on(api.get("/api/accounts")).send().json()).hasSize(1);
            assertThat(bob.on(api.get("/api/accounts")).send().json()).isEmpty();
            assertThat(otherAlice.on(api.get("/api/accounts")).send().json()).isEmpty();
            assertThat(bob.on(api.delete("/api/accounts/" + account)).send().status())
                .isEqualTo(404);
            assertThat(otherAlice.on(api.get("/api/repositories")).send().status())
                .isEqualTo(400); // no account connected: nothing of alice's is reachable

            Api.Response session = alice.on(api.get("/api/session")).send();
            assertThat(session.json().path("mode").asText()).isEqualTo("team");
            assertThat(session.json().path("endUser").asText()).isEqualTo("alice");
            assertThat(alice.on(api.delete("/api/accounts/" + account)).send().status())
                .isEqualTo(204);
          });
    }
  }

  @Test
  void deviceCodeSignInIsOffUnlessTheDeploymentTurnsItOn() {
    try (Service off = team(false)) {
      Caller alice = TeamFixture.application(off, "orchestrator", "alice");
      serve(
          off,
          (s, api) -> {
            Api.Response r = alice.on(api.post("/api/connections/device")).send();
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("device_code_disabled");
            assertThat(
                    alice.on(api.get("/api/session")).send().json().path("deviceCode").asBoolean())
                .isFalse();
            assertThat(alice.on(api.post("/api/session/login-link")).send().status())
                .isEqualTo(403);
            // nor can the embedding code: a login link would open the local owner's rows
            assertThatThrownBy(() -> off.app.loginLink()).isInstanceOf(IllegalStateException.class);
          });
    }
  }

  @Test
  void aDeviceFlowBelongsToTheEndUserWhoStartedIt() {
    try (Service on = team(true)) {
      Caller alice = TeamFixture.application(on, "orchestrator", "alice");
      serve(
          on,
          (s, api) -> {
            Api.Response started = alice.on(api.post("/api/connections/device")).send();
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            String flow = started.json().path("flowId").asText();
            assertThat(alice.on(api.get("/api/connections/device/" + flow)).send().status())
                .isEqualTo(200);
            assertThat(
                    alice.as("bob").on(api.get("/api/connections/device/" + flow)).send().status())
                .isEqualTo(404);
          });
    }
  }
}
