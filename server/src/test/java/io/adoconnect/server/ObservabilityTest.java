package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.adoconnect.server.observe.RequestObserver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What an operator watches the service by: each request's id (theirs or a new one) on the answer
 * and on its access log line, and {@code /metrics} in Prometheus' format for the API token only,
 * with route templates — never ids — as labels.
 */
class ObservabilityTest extends ServerTestBase {
  @Test
  void everyRequestHasAnIdOnTheAnswerAndOnItsAccessLogLine() {
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    Logger access = (Logger) LoggerFactory.getLogger("io.adoconnect.server.access");
    lines.start();
    access.addAppender(lines);
    ch.qos.logback.classic.Level before = access.getLevel();
    access.setLevel(ch.qos.logback.classic.Level.INFO); // as serve sets it (the tests log warnings)
    try {
      serve(
          (s, api) -> {
            Api.Response given =
                api.get("/api/accounts").header("X-Request-Id", "trace-0123456789").send();
            assertThat(given.header(RequestObserver.HEADER)).isEqualTo("trace-0123456789");
            Api.Response made = api.get("/api/accounts/").header("X-Request-Id", "bad id\t").send();
            String id = made.header(RequestObserver.HEADER);
            assertThat(id).matches("[a-z2-7]{12,}").isNotEqualTo("bad id\t");
            Api.Response refused = api.get("/api/accounts").noToken().send();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header(RequestObserver.HEADER)).isNotBlank();
          });
    } finally {
      access.detachAppender(lines);
      access.setLevel(before);
    }
    List<ILoggingEvent> logged = lines.list;
    assertThat(logged)
        .anySatisfy(
            e -> {
              assertThat(e.getFormattedMessage()).startsWith("GET /api/accounts 200 ");
              assertThat(e.getMDCPropertyMap())
                  .containsEntry(RequestObserver.MDC_KEY, "trace-0123456789");
            });
    assertThat(logged)
        .anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("GET /api/accounts 401 "));
  }

  @Test
  void metricsNeedTheApiTokenAndLabelRoutesNotIds() {
    serve(
        (s, api) -> {
          String account =
              api.post("/api/connections/pat")
                  .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
                  .send()
                  .json()
                  .path("id")
                  .asText();
          assertThat(api.delete("/api/accounts/" + account).send().status()).isEqualTo(204);
          assertThat(api.get("/metrics").noToken().send().status()).isEqualTo(401);
          assertThat(api.get("/metrics").header("Authorization", "Bearer wrong").send().status())
              .isEqualTo(401);
          Api.Response metrics = api.get("/metrics").send();
          assertThat(metrics.status()).isEqualTo(200);
          assertThat(metrics.header("Content-Type")).startsWith("text/plain");
          assertThat(metrics.body())
              .contains(
                  "ado_connect_http_requests_seconds_count{method=\"DELETE\",route=\"/api/accounts/{id}\",status=\"204\"} 1")
              .contains("ado_connect_http_requests_seconds_count{method=\"POST\"")
              .contains("jvm_memory_used_bytes")
              .doesNotContain(account);
        });
  }
}
