package io.adoconnect.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Passes everything on and remembers what tests need to see: every secret the identity provider
 * handed out (access, refresh and id tokens, device codes) and the Authorization header of each
 * Azure DevOps request.
 */
final class RecordingTransport implements HttpTransport {
  record Sent(String method, String uri, String authorization, int status) {}

  record Issued(String path, String accessToken, String refreshToken) {}

  private final HttpTransport next;
  private final Set<String> secrets = new CopyOnWriteArraySet<>();
  private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Issued> issued = new ConcurrentLinkedQueue<>();

  RecordingTransport(HttpTransport next) {
    this.next = next;
  }

  @Override
  public ApiResponse send(ApiRequest request) {
    ApiResponse response = next.send(request);
    String authorization =
        request.headers().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
            .map(java.util.Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    sent.add(
        new Sent(request.method(), request.uri().toString(), authorization, response.status()));
    String path = request.uri().getPath();
    if (path != null && path.contains("/oauth2/") && response.contentType().contains("json")) {
      try {
        JsonNode body = Json.MAPPER.readTree(response.body());
        for (String field : List.of("access_token", "refresh_token", "id_token", "device_code")) {
          if (body.hasNonNull(field)) {
            secrets.add(body.get(field).asText());
          }
        }
        if (body.hasNonNull("access_token")) {
          issued.add(
              new Issued(
                  path,
                  body.get("access_token").asText(),
                  body.hasNonNull("refresh_token") ? body.get("refresh_token").asText() : null));
        }
      } catch (java.io.IOException ignored) {
        // not JSON after all: nothing to record
      }
    }
    return response;
  }

  /** Every token and device code handed out so far. */
  Set<String> secrets() {
    return Set.copyOf(secrets);
  }

  List<Issued> issued() {
    return new ArrayList<>(issued);
  }

  Issued lastIssued() {
    List<Issued> all = issued();
    return all.get(all.size() - 1);
  }

  List<Sent> sent() {
    return new ArrayList<>(sent);
  }

  void clearSent() {
    sent.clear();
  }
}
