package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Test hooks, counters, latency and the rate limiter. */
class FaultsTest {

  @Test
  void failNextAnswersTheStatusForMatchingPathsOnlyAndOnlyThatOften() {
    try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
      TestClient client = new TestClient(simulator);
      simulator.failNext("/org-001/_apis/git", 503, 2);

      assertThat(client.get("/org-002/_apis/git/repositories").statusCode()).isEqualTo(200);
      HttpResponse<String> failed = client.get("/org-001/_apis/git/repositories");
      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(TestClient.json(failed).get("eventId").asInt()).isEqualTo(3000);
      assertThat(client.get("/org-001/_apis/git/repositories").statusCode()).isEqualTo(503);
      assertThat(client.get("/org-001/_apis/git/repositories").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void throttleNextAnswers429WithRateLimitHeaders() {
    try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
      TestClient client = new TestClient(simulator);
      simulator.throttleNext("/org-001", 7, 1);

      HttpResponse<String> throttled = client.get("/org-001/_apis/projects");

      assertThat(throttled.statusCode()).isEqualTo(429);
      assertThat(TestClient.json(throttled).get("message").asText()).startsWith("TF400733: ");
      assertThat(throttled.headers().firstValue("Retry-After")).hasValue("7");
      assertThat(throttled.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
      assertThat(throttled.headers().firstValue("X-RateLimit-Resource")).isPresent();
      assertThat(throttled.headers().firstValue("X-RateLimit-Delay")).isPresent();
      assertThat(throttled.headers().firstValue("X-RateLimit-Limit")).isPresent();
      assertThat(throttled.headers().firstValue("X-RateLimit-Reset").map(Long::parseLong))
          .hasValueSatisfying(
              reset -> assertThat(reset).isGreaterThan(System.currentTimeMillis() / 1000));
      assertThat(client.get("/org-001/_apis/projects").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void hangNextDelaysOnlyTheArmedRequests() {
    try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
      TestClient client = new TestClient(simulator);
      simulator.hangNext("/org-001/_apis/projects", Duration.ofMillis(400), 1);

      long hung = millis(() -> client.get("/org-001/_apis/projects"));
      long normal = millis(() -> client.get("/org-001/_apis/projects"));

      assertThat(hung).isGreaterThanOrEqualTo(400);
      assertThat(normal).isLessThan(400);
    }
  }

  @Test
  void latencyAppliesToEveryRequestWithoutSerializingParallelClients() {
    try (Simulator simulator =
        Simulator.start(SimulatorConfig.builder().orgs(20).latencyMs(200).build())) {
      TestClient client = new TestClient(simulator);

      long elapsed =
          millis(
              () ->
                  IntStream.rangeClosed(1, 20)
                      .mapToObj(
                          i ->
                              CompletableFuture.supplyAsync(
                                  () ->
                                      client
                                          .get(String.format("/org-%03d/_apis/git/repositories", i))
                                          .statusCode()))
                      .toList()
                      .forEach(CompletableFuture::join));

      // One request waits 200 ms; twenty one after another would take 4,000 ms.
      assertThat(elapsed).isBetween(200L, 3000L);
    }
  }

  @Test
  void countersRecordEveryRequestByDecodedPathWithoutCredentials() {
    try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
      TestClient client = new TestClient(simulator);
      client.get("/org-001/Caf%C3%A9/_apis/git/repositories?api-version=7.1");
      client.get("/org-001/Caf%C3%A9/_apis/git/repositories");
      client.get("/_apis/profile/profiles/me");

      assertThat(simulator.requestCount()).isEqualTo(3);
      assertThat(simulator.requestCount("/org-001/Café/_apis/git/repositories")).isEqualTo(2);
      assertThat(simulator.requestCounts()).containsEntry("/_apis/profile/profiles/me", 1L);
      RecordedRequest first = simulator.requests().get(0);
      assertThat(first.rawQuery()).isEqualTo("api-version=7.1");
      assertThat(first.apiVersion()).hasValue("7.1");
      assertThat(first.headers().get("authorization")).containsExactly("Basic");

      simulator.resetCounts();
      assertThat(simulator.requestCount()).isZero();
      assertThat(simulator.requests()).isEmpty();
    }
  }

  @Test
  void rateLimiterBlocksACredentialAboveItsRequestsPerSecond() {
    try (Simulator simulator =
        Simulator.start(SimulatorConfig.builder().rateLimitPerSecond(3).build())) {
      TestClient client = new TestClient(simulator);

      List<Integer> statuses =
          IntStream.range(0, 8)
              .mapToObj(i -> client.get("/org-001/_apis/connectionData").statusCode())
              .toList();

      assertThat(statuses).contains(429);
      assertThat(statuses.stream().filter(s -> s == 200).count()).isBetween(3L, 6L);
    }
  }

  private static long millis(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
