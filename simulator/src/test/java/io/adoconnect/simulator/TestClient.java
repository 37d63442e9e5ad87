package io.adoconnect.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A minimal Azure DevOps client for tests: PAT as Basic auth, {@code X-TFS-FedAuthRedirect:
 * Suppress}.
 */
final class TestClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Simulator simulator;

  TestClient(Simulator simulator) {
    this.simulator = simulator;
  }

  static String basic(String pat) {
    return "Basic "
        + Base64.getEncoder().encodeToString((":" + pat).getBytes(StandardCharsets.UTF_8));
  }

  /** A request builder for {@code pathAndQuery} (already encoded) with the configured PAT. */
  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(simulator.baseUri() + pathAndQuery))
        .header("Authorization", basic(simulator.config().pat()))
        .header("X-TFS-FedAuthRedirect", "Suppress")
        .header("Accept", "application/json");
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(request(pathAndQuery).GET().build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
