package io.adoconnect.server.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import io.adoconnect.connect.WebhookDeliveries;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deployment sets its connect links' lifetime and webhook retry waits in the environment. */
class TeamModeSettingsTest {
  @Test
  void unsetMeansTenMinuteLinksAndTheDocumentedBackoff() {
    TeamMode mode = TeamMode.fromEnvironment(Map.of());
    assertThat(mode.connectLinkLifetime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(mode.webhookBackoff()).isEqualTo(WebhookDeliveries.BACKOFF);
    assertThat(mode.deviceCode()).isFalse();
    assertThat(mode.webhookLease()).isEqualTo(WebhookDeliveries.LEASE);
  }

  @Test
  void theEnvironmentSetsBoth() {
    TeamMode mode =
        TeamMode.fromEnvironment(
            Map.of(
                TeamMode.LINK_LIFETIME_ENV, "30s",
                TeamMode.WEBHOOK_BACKOFF_ENV, "1s, 2m,PT3H",
                TeamMode.WEBHOOK_LEASE_ENV, "10s"));
    assertThat(mode.webhookLease()).isEqualTo(Duration.ofSeconds(10));
    assertThat(mode.connectLinkLifetime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(mode.webhookBackoff())
        .isEqualTo(List.of(Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofHours(3)));
  }

  @Test
  void aBadValueIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> TeamMode.fromEnvironment(Map.of(TeamMode.LINK_LIFETIME_ENV, "2h")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(TeamMode.LINK_LIFETIME_ENV);
    assertThatThrownBy(
            () -> TeamMode.fromEnvironment(Map.of(TeamMode.WEBHOOK_BACKOFF_ENV, "5s,,5m")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(TeamMode.WEBHOOK_BACKOFF_ENV);
    assertThatThrownBy(() -> TeamMode.fromEnvironment(Map.of(TeamMode.WEBHOOK_BACKOFF_ENV, "soon")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(TeamMode.WEBHOOK_BACKOFF_ENV);
    assertThatThrownBy(() -> TeamMode.fromEnvironment(Map.of(TeamMode.WEBHOOK_LEASE_ENV, "1s")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(TeamMode.WEBHOOK_LEASE_ENV);
  }
}
