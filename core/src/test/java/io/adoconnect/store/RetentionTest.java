package io.adoconnect.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retention settings read from the environment. */
class RetentionTest {
  @Test
  void unsetMeansTheDocumentedDefaults() {
    assertThat(Retention.fromEnvironment(Map.of()))
        .isEqualTo(new Retention(Duration.ofDays(30), 10_000, Duration.ofDays(1)));
  }

  @Test
  void shortAndIsoDurationsAndACountAreRead() {
    Retention r =
        Retention.fromEnvironment(
            Map.of(
                Retention.EVENTS_ENV, "12h",
                Retention.EVENTS_MAX_ENV, " 500 ",
                Retention.DEVICE_FLOWS_ENV, "P2D"));
    assertThat(r).isEqualTo(new Retention(Duration.ofHours(12), 500, Duration.ofDays(2)));
    assertThat(Retention.fromEnvironment(Map.of(Retention.EVENTS_ENV, "90m")).events())
        .isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void aBadValueIsRefusedNamingTheVariableNotEchoingIt() {
    for (Map<String, String> env :
        new Map[] {
          Map.of(Retention.EVENTS_ENV, "forever"),
          Map.of(Retention.EVENTS_ENV, "0d"),
          Map.of(Retention.EVENTS_ENV, "-PT1H"),
          Map.of(Retention.DEVICE_FLOWS_ENV, "1y"),
          Map.of(Retention.EVENTS_ENV, "P1000000D"),
          Map.of(Retention.EVENTS_MAX_ENV, "0"),
          Map.of(Retention.EVENTS_MAX_ENV, "lots")
        }) {
      String name = env.keySet().iterator().next();
      assertThatThrownBy(() -> Retention.fromEnvironment(env))
          .as(env.toString())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(name)
          .hasMessageNotContaining(env.get(name));
    }
  }
}
