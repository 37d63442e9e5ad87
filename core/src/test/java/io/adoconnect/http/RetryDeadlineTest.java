package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.TransportException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A host that accepts and never answers: each retry is announced and the total is bounded. */
class RetryDeadlineTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ApiRequest GET = ApiRequest.get(URI.create("https://tfs.example.com/_apis"));

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final List<Retry> announced = new ArrayList<>();
  private int tries;

  /** Each try "waits" its full timeout on the fake clock, then fails as the JDK client does. */
  private final HttpTransport silent =
      request -> {
        tries++;
        now = now.plus(TIMEOUT);
        throw new TransportException(
            "tfs.example.com did not answer within 60 s (" + request + ").",
            "hint",
            new HttpTimeoutException("request timed out"));
      };

  private RetryingTransport transport(Duration deadline) {
    RetryPolicy policy =
        new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60))
            .withDeadline(deadline);
    return new RetryingTransport(
        silent, policy, d -> now = now.plus(d), clock, TIMEOUT, announced::add);
  }

  @Test
  void stopsWhenAnotherTryCouldNotEndBeforeTheDeadlineAndSaysHowLongItTried() {
    assertThatThrownBy(() -> transport(Duration.ofSeconds(150)).send(GET))
        .isInstanceOf(TransportException.class)
        .hasMessageStartingWith("tfs.example.com did not answer in 2 tries over 2 min 0 s")
        .hasMessageContaining("each try waited 60 s");
    assertThat(tries).isEqualTo(2);
    assertThat(announced)
        .singleElement()
        .satisfies(
            retry -> {
              assertThat(retry.reason()).isEqualTo(Retry.Reason.NO_ANSWER);
              assertThat(retry.nextAttempt()).isEqualTo(2);
              assertThat(retry.maxAttempts()).isEqualTo(4);
              assertThat(retry.timeout()).isEqualTo(TIMEOUT);
              assertThat(retry.host()).isEqualTo("tfs.example.com");
            });
  }

  @Test
  void aLongEnoughDeadlineAllowsEveryTry() {
    assertThatThrownBy(() -> transport(Duration.ofMinutes(10)).send(GET))
        .hasMessageStartingWith("tfs.example.com did not answer in 4 tries over 4 min");
    assertThat(tries).isEqualTo(4);
    assertThat(announced).extracting(Retry::nextAttempt).containsExactly(2, 3, 4);
  }

  @Test
  void aDeadlineThatFitsOneTryKeepsTheSingleTrysMessage() {
    assertThatThrownBy(() -> transport(Duration.ofSeconds(90)).send(GET))
        .hasMessage(
            "tfs.example.com did not answer within 60 s (GET https://tfs.example.com/_apis).");
    assertThat(tries).isEqualTo(1);
    assertThat(announced).isEmpty();
  }
}
