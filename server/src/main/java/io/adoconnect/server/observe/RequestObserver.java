package io.adoconnect.server.observe;

import io.adoconnect.server.access.ApiToken;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.store.Ids;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every request gets an id — the caller's {@code X-Request-Id} when it is a plain token, else a new
 * one — that the answer echoes and every log line written while handling it carries ({@code
 * requestId} in the logging context); when it is answered, one access log line (method, route
 * template — or the path of a request refused before routing —, status, milliseconds; never the
 * query or a header) and its latency in {@link ServiceMetrics}. {@code GET /metrics} answers the
 * metrics to a caller with the service's API token, which a Prometheus scrape sends as its bearer
 * token.
 */
public final class RequestObserver {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  public static final String METRICS_PATH = "/metrics";
  private static final Pattern GIVEN_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
  private static final String STARTED = "ado-connect.started";
  private static final Logger access = LoggerFactory.getLogger("io.adoconnect.server.access");

  private final ServiceMetrics metrics;
  private final ApiToken token;

  public RequestObserver(ServiceMetrics metrics, ApiToken token) {
    this.metrics = metrics;
    this.token = token;
  }

  public void routes(RoutesConfig routes) {
    routes.get(METRICS_PATH, this::scrape);
  }

  /** First of the before-handlers: the id, in the logging context and on the answer. */
  public void before(Context ctx) {
    String given = ctx.header(HEADER);
    String id = given != null && GIVEN_ID.matcher(given).matches() ? given : Ids.newId();
    MDC.put(MDC_KEY, id);
    ctx.header(HEADER, id);
    ctx.attribute(STARTED, System.nanoTime());
  }

  /** Last: the access log line and the latency, then the logging context is cleared. */
  public void after(Context ctx) {
    try {
      Long started = ctx.attribute(STARTED);
      long nanos = started == null ? 0 : System.nanoTime() - started;
      String route = route(ctx);
      int status = ctx.statusCode();
      metrics.request(ctx.method().name(), route == null ? "unmatched" : route, status, nanos);
      // a request refused before routing (no token, foreign Host) has no template: its path then
      access.info(
          "{} {} {} {} ms",
          ctx.method().name(),
          route == null ? printable(ctx.path()) : route,
          status,
          Math.round(nanos / 1_000_000.0));
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  private void scrape(Context ctx) {
    String authorization = ctx.header("Authorization");
    String presented =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring("Bearer ".length())
            : null;
    if (presented == null || !token.matches(presented)) {
      throw new ApiException(
          401,
          "unauthorized",
          "/metrics needs the service's API token.",
          "Send it as Authorization: Bearer <token>; it is in the api-token file of the data"
              + " directory (Prometheus: bearer_token_file).");
    }
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  /**
   * The matched route's template ({@code /api/accounts/{id}}), so ids never become labels; null
   * before routing.
   */
  private static String route(Context ctx) {
    // matchedHttpEndpoint: the route that answered, not this after-handler's own "*"
    io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched == null ? null : matched.path;
  }

  /** A path as one log line may show it: no control characters, at most 200 characters. */
  private static String printable(String path) {
    String clean = path.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
  }
}
