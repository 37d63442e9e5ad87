package io.adoconnect.simulator.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One parsed request.
 *
 * @param segments decoded path segments (no empty ones)
 * @param decodedPath {@code "/" + String.join("/", segments)} with percent escapes decoded
 * @param rawQuery query string as sent, or {@code null}
 * @param headers request headers, names case-insensitive
 */
public record Request(
    String method,
    List<String> segments,
    String decodedPath,
    String rawQuery,
    Map<String, List<String>> headers,
    Map<String, String> query) {

  /** Parses the raw path and query of a request. */
  public static Request parse(
      String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {
    List<String> segments =
        Arrays.stream(rawPath == null ? new String[0] : rawPath.split("/"))
            .filter(s -> !s.isEmpty())
            .map(PathCodec::decode)
            .toList();
    Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
    return new Request(
        method.toUpperCase(Locale.ROOT),
        segments,
        "/" + String.join("/", segments),
        rawQuery,
        Collections.unmodifiableMap(caseInsensitive),
        parseQuery(rawQuery));
  }

  /** First value of a header, if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Query parameter, matched case-insensitively as ASP.NET does. */
  public Optional<String> queryParameter(String name) {
    return query.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * The requested {@code api-version}: from the query, else from the {@code Accept} header
   * parameter (Microsoft's Node client sends {@code Accept:
   * application/json;api-version=7.2-preview.4}).
   */
  public Optional<String> apiVersion() {
    return apiVersion(query, header("Accept"));
  }

  /**
   * {@link #apiVersion()} for a request known only by its parsed query and {@code Accept} header.
   */
  public static Optional<String> apiVersion(Map<String, String> query, Optional<String> accept) {
    Optional<String> fromQuery =
        query.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("api-version"))
            .map(Map.Entry::getValue)
            .findFirst();
    return fromQuery.or(() -> accept.flatMap(Request::apiVersionParameter));
  }

  private static Optional<String> apiVersionParameter(String accept) {
    for (String part : accept.split("[;,]")) {
      String trimmed = part.trim();
      if (trimmed.regionMatches(true, 0, "api-version=", 0, "api-version=".length())) {
        return Optional.of(trimmed.substring("api-version=".length()).trim());
      }
    }
    return Optional.empty();
  }

  /** Parses a raw query string; the first occurrence of a name wins. */
  public static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> result = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return result;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = formDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
      result.putIfAbsent(name, value);
    }
    return Collections.unmodifiableMap(result);
  }

  private static String formDecode(String raw) {
    return PathCodec.decode(raw.replace('+', ' '));
  }
}
