package io.adoconnect.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete answer: status, headers and body bytes.
 *
 * @param headers response headers in insertion order; one value each
 */
public record Response(int status, Map<String, String> headers, byte[] body) {

  public Response {
    headers = Map.copyOf(new LinkedHashMap<>(headers));
  }

  /** A JSON answer ({@code application/json; charset=utf-8}, as Azure DevOps sends). */
  public static Response json(int status, byte[] body) {
    return new Response(status, Map.of("Content-Type", "application/json; charset=utf-8"), body);
  }

  /** An HTML answer. */
  public static Response html(int status, String body) {
    return new Response(
        status,
        Map.of("Content-Type", "text/html; charset=utf-8"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy with one more header (replacing a header of the same name). */
  public Response withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Response(status, copy, body);
  }
}
