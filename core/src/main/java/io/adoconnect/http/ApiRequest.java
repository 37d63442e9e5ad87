package io.adoconnect.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to Azure DevOps, before authentication is added. Idempotent requests (GET, and
 * any request a caller marks so) may be retried; others are sent once.
 */
public record ApiRequest(String method, URI uri, Map<String, String> headers, byte[] body) {
  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
  }

  public static ApiRequest get(URI uri) {
    return new ApiRequest("GET", uri, Map.of(), null);
  }

  public static ApiRequest json(String method, URI uri, byte[] body, String contentType) {
    return new ApiRequest(method, uri, Map.of("Content-Type", contentType), body);
  }

  public ApiRequest withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiRequest(method, uri, copy, body);
  }

  public ApiRequest withUri(URI newUri) {
    return new ApiRequest(method, newUri, headers, body);
  }

  public boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "PUT", "DELETE" -> true;
      default -> false;
    };
  }

  /** The request line as it may appear in a log or an error: no headers, no body. */
  @Override
  public String toString() {
    return method + " " + uri;
  }
}
