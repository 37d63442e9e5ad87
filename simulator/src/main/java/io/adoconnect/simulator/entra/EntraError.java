package io.adoconnect.simulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Entra's token-endpoint error body (entra-oauth.md §10.1, fixture {@code
 * entra-error-response.json}): {@code error}, {@code error_description} ("AADSTSnnnn: … Trace ID: …
 * Correlation ID: … Timestamp: …"), {@code error_codes}, {@code timestamp}, {@code trace_id},
 * {@code correlation_id}, {@code error_uri}. The correlation id echoes the client's {@code
 * client-request-id} header when sent, as Entra does.
 */
final class EntraError {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private EntraError() {}

  static Response of(
      int status,
      String error,
      int code,
      String message,
      Request request,
      String root,
      Instant now) {
    String timestamp = TIMESTAMP.format(now);
    String traceId = UUID.randomUUID().toString();
    String correlationId =
        request.header("client-request-id").orElseGet(() -> UUID.randomUUID().toString());
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put(
        "error_description",
        "AADSTS"
            + code
            + ": "
            + message
            + "\r\nTrace ID: "
            + traceId
            + "\r\nCorrelation ID: "
            + correlationId
            + "\r\nTimestamp: "
            + timestamp);
    body.putArray("error_codes").add(code);
    body.put("timestamp", timestamp);
    body.put("trace_id", traceId);
    body.put("correlation_id", correlationId);
    body.put("error_uri", root + "/error?code=" + code);
    return noStore(Response.json(status, Json.bytes(body)));
  }

  static Response noStore(Response response) {
    return response
        .withHeader("Cache-Control", "no-store, no-cache")
        .withHeader("Pragma", "no-cache");
  }

  /** Thrown inside request handling to answer with an Entra error. */
  static final class Failure extends RuntimeException {
    final int status;
    final String error;
    final int code;

    Failure(int status, String error, int code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.error = error;
      this.code = code;
    }

    Response response(Request request, String root, Instant now) {
      return of(status, error, code, getMessage(), request, root, now);
    }
  }
}
