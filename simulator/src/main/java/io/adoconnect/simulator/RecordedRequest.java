package io.adoconnect.simulator;

import io.adoconnect.simulator.http.Request;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request the simulator received.
 *
 * @param path decoded path without query, e.g. {@code /org-001/Mobile App/_apis/git/repositories}
 * @param rawQuery query as sent, or {@code null}
 * @param headers request headers with case-insensitive names; {@code Authorization} is reduced to
 *     its scheme (e.g. {@code Basic}) so credentials never end up in test logs
 */
public record RecordedRequest(
    String method, String path, String rawQuery, Map<String, List<String>> headers) {

  /** First value of a header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The requested api-version, from the query or from the {@code Accept} header. */
  public Optional<String> apiVersion() {
    return Request.apiVersion(Request.parseQuery(rawQuery), header("Accept"));
  }
}
