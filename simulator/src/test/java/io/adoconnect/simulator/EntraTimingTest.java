package io.adoconnect.simulator;

import static io.adoconnect.simulator.EntraDeviceCodeTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Behaviour driven by the Entra settings of {@link SimulatorConfig}: interval, lifetimes, auto
 * decisions. Time passes by moving the simulator's clock, exactly as far as each rule needs.
 */
class EntraTimingTest {
  private final ManualClock clock = new ManualClock();

  @Test
  void pollingFasterThanTheIntervalAnswersSlowDownAndTheIntervalStays() {
    try (Simulator simulator =
        Simulator.start(
            SimulatorConfig.builder().clock(clock).deviceCodeIntervalSeconds(1).build())) {
      EntraClient entra = new EntraClient(simulator);
      JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
      String deviceCode = code.get("device_code").asText();
      assertThat(code.get("interval").asInt()).isEqualTo(1);

      error(entra.pollDevice("organizations", deviceCode), 400, "authorization_pending", 70016);
      error(entra.pollDevice("organizations", deviceCode), 400, "slow_down", 70016);
      clock.advance(Duration.ofSeconds(1));
      error(entra.pollDevice("organizations", deviceCode), 400, "authorization_pending", 70016);
      simulator.approve(code.get("user_code").asText());
      clock.advance(Duration.ofSeconds(1));
      assertThat(entra.pollDevice("organizations", deviceCode).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void deviceCodeExpiresAfterItsLifetime() {
    try (Simulator simulator =
        Simulator.start(
            SimulatorConfig.builder()
                .clock(clock)
                .deviceCodeLifetimeSeconds(1)
                .deviceCodeIntervalSeconds(0)
                .build())) {
      EntraClient entra = new EntraClient(simulator);
      JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
      assertThat(code.get("expires_in").asInt()).isEqualTo(1);
      clock.advance(Duration.ofMillis(999));
      error(
          entra.pollDevice("organizations", code.get("device_code").asText()),
          400,
          "authorization_pending",
          70016);
      clock.advance(Duration.ofMillis(1));
      error(
          entra.pollDevice("organizations", code.get("device_code").asText()),
          400,
          "expired_token",
          70019);
      assertThat(
              entra
                  .post("/devicelogin", EntraClient.form("otc", code.get("user_code").asText()))
                  .body())
          .contains("Check the code and try again");
    }
  }

  @Test
  void accessTokensExpireAfterTheirLifetime() {
    try (Simulator simulator =
        Simulator.start(
            SimulatorConfig.builder()
                .clock(clock)
                .accessTokenLifetimeSeconds(1)
                .deviceCodeIntervalSeconds(0)
                .build())) {
      EntraClient entra = new EntraClient(simulator);
      JsonNode token = entra.signIn("organizations", null);
      assertThat(token.get("expires_in").asInt()).isEqualTo(1);
      clock.advance(Duration.ofMillis(999));
      assertThat(
              entra
                  .devOps("/org-001/_apis/projects", token.get("access_token").asText())
                  .statusCode())
          .isEqualTo(200);
      clock.advance(Duration.ofMillis(1));
      assertThat(
              entra
                  .devOps("/org-001/_apis/projects", token.get("access_token").asText())
                  .statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void autoApproveAfterSeconds() {
    try (Simulator simulator =
        Simulator.start(
            SimulatorConfig.builder()
                .clock(clock)
                .autoApproveAfterSeconds(1)
                .deviceCodeIntervalSeconds(0)
                .build())) {
      EntraClient entra = new EntraClient(simulator);
      JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
      error(
          entra.pollDevice("organizations", code.get("device_code").asText()),
          400,
          "authorization_pending",
          70016);
      clock.advance(Duration.ofMillis(999));
      error(
          entra.pollDevice("organizations", code.get("device_code").asText()),
          400,
          "authorization_pending",
          70016);
      clock.advance(Duration.ofMillis(1));
      JsonNode token =
          TestClient.json(entra.pollDevice("organizations", code.get("device_code").asText()));
      assertThat(Jwts.claims(token.get("id_token").asText()).get("preferred_username").asText())
          .isEqualTo(simulator.entra().defaultUser().userPrincipalName());
    }
    try (Simulator simulator =
        Simulator.start(
            SimulatorConfig.builder().clock(clock).autoApproveAfterSeconds(0).build())) {
      EntraClient entra = new EntraClient(simulator);
      JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
      assertThat(entra.pollDevice("organizations", code.get("device_code").asText()).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void autoDecline() {
    try (Simulator simulator =
        Simulator.start(SimulatorConfig.builder().clock(clock).autoDecline(true).build())) {
      EntraClient entra = new EntraClient(simulator);
      JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
      error(
          entra.pollDevice("organizations", code.get("device_code").asText()),
          400,
          "authorization_declined",
          65004);
    }
  }
}
