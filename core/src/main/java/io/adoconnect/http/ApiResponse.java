package io.adoconnect.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Status, headers (names compared case-insensitively) and the body bytes of one response. */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {
  public ApiResponse {
    TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> caseInsensitive.put(k, List.copyOf(v)));
    headers = caseInsensitive;
    body = body == null ? new byte[0] : body;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public String contentType() {
    return header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ApiResponse[" + status + ", " + body.length + " bytes]";
  }
}
