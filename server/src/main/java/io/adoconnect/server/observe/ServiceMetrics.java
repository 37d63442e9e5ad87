package io.adoconnect.server.observe;

import io.adoconnect.ThrottledException;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.Retry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The service's metrics, written in Prometheus' text format by Micrometer's registry: requests and
 * their latencies per route and status, outbound calls (Azure DevOps, Entra ID) per host and
 * outcome, retries by reason (throttling among them), token renewals, the webhook outbox's depth,
 * and the JVM's memory and threads. Hosts and route templates only: no URL query, path id or
 * credential becomes a label.
 */
public final class ServiceMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public ServiceMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /** {@code transport}, with each call it makes counted and timed by host and outcome. */
  public HttpTransport meter(HttpTransport transport) {
    return request -> {
      String host = request.uri().getHost() == null ? "none" : request.uri().getHost();
      String kind = request.uri().getPath().endsWith("/oauth2/v2.0/token") ? "token" : "api";
      long started = System.nanoTime();
      String outcome = "error";
      try {
        ApiResponse response = transport.send(request);
        outcome = response.status() / 100 + "xx";
        return response;
      } catch (ThrottledException throttled) {
        outcome = "throttled";
        throw throttled;
      } finally { // anything else thrown (unreachable, timed out, refused by policy) is "error"
        Timer.builder("ado_connect_outbound_requests")
            .description("Calls to Azure DevOps and Entra ID, after retries")
            .tag("host", host)
            .tag("kind", kind)
            .tag("outcome", outcome)
            .register(registry)
            .record(Duration.ofNanos(System.nanoTime() - started));
      }
    };
  }

  /** Counts a retry of an outbound call by host and reason (429 and 503 are throttling). */
  public void retrying(Retry retry) {
    Counter.builder("ado_connect_outbound_retries")
        .description("Retries of outbound calls; status 429/503 is Azure DevOps throttling")
        .tag("host", retry.host())
        .tag("reason", retry.reason().name().toLowerCase(java.util.Locale.ROOT))
        .tag("status", retry.status() > 0 ? Integer.toString(retry.status()) : "none")
        .register(registry)
        .increment();
  }

  /** A gauge of messages in the webhook outbox not yet delivered or given up. */
  public void outbox(Supplier<Long> depth) {
    Gauge.builder("ado_connect_webhook_outbox_depth", () -> readOrNaN(depth))
        .description("Webhook messages waiting for delivery")
        .register(registry);
  }

  void request(String method, String route, int status, long nanos) {
    Timer.builder("ado_connect_http_requests")
        .description("Requests the service answered")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  /** Everything, in Prometheus' text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  private static double readOrNaN(Supplier<Long> depth) {
    try {
      return depth.get();
    } catch (RuntimeException databaseDown) {
      return Double.NaN; // the scrape still answers; the gap shows on the graph
    }
  }
}
