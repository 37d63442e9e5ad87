package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.ThrottledException;
import io.adoconnect.TransportException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetryingTransportTest {
  private final List<Duration> slept = new ArrayList<>();
  private final Deque<Supplier<ApiResponse>> script = new ArrayDeque<>();
  private int calls;
  private final HttpTransport scripted =
      request -> {
        calls++;
        return script.removeFirst().get();
      };
  private final RetryPolicy policy =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));
  private final RetryingTransport transport =
      new RetryingTransport(
          scripted,
          policy,
          slept::add,
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  private static ApiResponse status(int status, Map<String, List<String>> headers) {
    return new ApiResponse(status, headers, new byte[0]);
  }

  private static final ApiRequest GET = ApiRequest.get(URI.create("http://h/_apis/projects"));

  @Test
  void retriesAServerErrorThenReturnsTheSuccess() {
    script.add(() -> status(503, Map.of()));
    script.add(() -> status(200, Map.of()));

    assertThat(transport.send(GET).status()).isEqualTo(200);
    assertThat(calls).isEqualTo(2);
    assertThat(slept).hasSize(1);
    assertThat(slept.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test
  void waitsWhatRetryAfterSaysOn429() {
    script.add(() -> status(429, Map.of("Retry-After", List.of("3"))));
    script.add(() -> status(200, Map.of()));

    assertThat(transport.send(GET).status()).isEqualTo(200);
    assertThat(slept).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void paceLaterRequestsAfterRateLimitDelayHeaderEvenOnSuccess() {
    script.add(() -> status(200, Map.of("X-RateLimit-Delay", List.of("0.250"))));
    script.add(() -> status(200, Map.of()));

    transport.send(GET);
    transport.send(GET);

    assertThat(slept).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastAnswer() {
    for (int i = 0; i < 3; i++) {
      script.add(() -> status(500, Map.of()));
    }

    assertThat(transport.send(GET).status()).isEqualTo(500);
    assertThat(calls).isEqualTo(3);
  }

  @Test
  void aRetryAfterLongerThanMaxWaitFailsFastInsteadOfHanging() {
    script.add(() -> status(429, Map.of("Retry-After", List.of("3600"))));

    assertThatThrownBy(() -> transport.send(GET))
        .isInstanceOf(ThrottledException.class)
        .hasMessageContaining("429");
    assertThat(calls).isEqualTo(1);
  }

  @Test
  void neverRetriesANonIdempotentRequest() {
    script.add(() -> status(503, Map.of()));

    ApiRequest post =
        ApiRequest.json("POST", URI.create("http://h/_apis/x"), new byte[0], "application/json");
    assertThat(transport.send(post).status()).isEqualTo(503);
    assertThat(calls).isEqualTo(1);
  }

  @Test
  void retriesIoFailuresOnlyUpToTheBound() {
    for (int i = 0; i < 3; i++) {
      script.add(
          () -> {
            throw new TransportException("down", (String) null, null);
          });
    }

    assertThatThrownBy(() -> transport.send(GET)).isInstanceOf(TransportException.class);
    assertThat(calls).isEqualTo(3);
    assertThat(slept).hasSize(2);
  }
}
