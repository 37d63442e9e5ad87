package io.adoconnect.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to Azure DevOps, before authentication is added. Idempotent requests (GET, and
 * any request a caller marks so) may be retried; others are sent once.
 */
public record ApiRequest(
    String method, URI uri, Map<String, String> headers, byte[] body, AccessScope scope) {
  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
  }

  public ApiRequest(String method, URI uri, Map<String, String> headers, byte[] body) {
    this(method, uri, headers, body, null);
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
    return new ApiRequest(method, uri, copy, body, scope);
  }

  public ApiRequest withUri(URI newUri) {
    return new ApiRequest(method, newUri, headers, body, scope);
  }

  /** The scope this call needs; a refusal then names it (null: the error stays generic). */
  public ApiRequest withScope(AccessScope needed) {
    return new ApiRequest(method, uri, headers, body, needed);
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
