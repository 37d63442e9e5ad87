package io.adoconnect.server;

import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Core's transport with an ear on the wire: every device code, access, refresh and id token and
 * every authorization code that goes to or comes from the simulated Entra becomes a canary the leak
 * scan looks for in the service's responses.
 */
final class RecordingTransport implements HttpTransport {
  private static final Pattern ISSUED =
      Pattern.compile("\"(device_code|access_token|refresh_token|id_token)\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern FORM =
      Pattern.compile(
          "(?:^|&)(code|device_code|refresh_token|client_secret|code_verifier)=([^&]+)");

  private final HttpTransport next;
  private final Set<String> canaries;
  private final java.util.List<String> wire;

  RecordingTransport(HttpTransport next, Set<String> canaries) {
    this(next, canaries, new java.util.ArrayList<>());
  }

  /** Also writes each outgoing request (method, URI, headers, body) to {@code wire}. */
  RecordingTransport(HttpTransport next, Set<String> canaries, java.util.List<String> wire) {
    this.next = next;
    this.canaries = canaries;
    this.wire = java.util.Collections.synchronizedList(wire);
  }

  @Override
  public ApiResponse send(ApiRequest request) {
    wire.add(
        request.method()
            + " "
            + request.uri()
            + " "
            + request.headers()
            + " "
            + (request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8)));
    if (request.body() != null) {
      Matcher form = FORM.matcher(new String(request.body(), StandardCharsets.UTF_8));
      while (form.find()) {
        canaries.add(java.net.URLDecoder.decode(form.group(2), StandardCharsets.UTF_8));
      }
    }
    ApiResponse response = next.send(request);
    if (response.body() != null && response.body().length < 1_000_000) {
      Matcher issued = ISSUED.matcher(new String(response.body(), StandardCharsets.UTF_8));
      while (issued.find()) {
        canaries.add(issued.group(2));
      }
    }
    return response;
  }
}
