package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.hooks.Delivery;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The service answers {@code GET /api/repositories} from its kept listing, and a repository created
 * in Azure DevOps shows at once: its {@code git.repo.created} event, re-checked, forgets the kept
 * listings of that organization.
 */
class RepositoryEventsTest extends ServerTestBase {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static List<String> paths(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.lines().stream()
        .filter(l -> l.path("type").asText().equals("repository"))
        .map(l -> l.path("path").asText())
        .toList();
  }

  private static JsonNode done(Api.Response r) {
    List<JsonNode> lines = r.lines();
    return lines.get(lines.size() - 1);
  }

  /** What a user (or a pipeline) does in Azure DevOps: creates a repository over its REST API. */
  private void createInAzureDevOps(Project project, String name) throws Exception {
    String auth =
        Base64.getEncoder().encodeToString((":" + CANARY_PAT).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    simulator.baseUri()
                        + "/org-001/"
                        + URLEncoder.encode(project.name(), StandardCharsets.UTF_8)
                            .replace("+", "%20")
                        + "/_apis/git/repositories?api-version=7.1"))
            .header("Authorization", "Basic " + auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
            .build();
    HttpResponse<String> created =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  @Test
  void aKeptListingAnswersUntilATrustedRepositoryEventSaysTheOrganizationChanged() {
    serve(
        (service, api) -> {
          simulator.hookRetry(3, Duration.ofMillis(5));
          Api.Response connected =
              api.post("/api/connections/pat")
                  .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
                  .send();
          assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
          Project project =
              simulator
                  .dataset()
                  .organization("org-001")
                  .orElseThrow()
                  .repositories()
                  .get(0)
                  .project();
          Api.Response subscribed =
              api.post("/api/hooks/subscriptions")
                  .json(
                      Map.of(
                          "organization",
                          "org-001",
                          "project",
                          project.name(),
                          "eventTypes",
                          List.of("git.repo.created")))
                  .send();
          assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
          simulator
              .hookSubscriptions()
              .forEach(s -> canaries.add(s.consumerInputs().get("basicAuthPassword")));
          String receiver = subscribed.json().get(0).path("receiverUrl").asText();

          List<String> first = paths(api.get("/api/repositories").send());
          simulator.resetCounts();
          Api.Response again = api.get("/api/repositories").send();
          assertThat(paths(again)).isEqualTo(first);
          assertThat(done(again).path("keptFrom").isTextual())
              .as("answered from the store")
              .isTrue();
          assertThat(simulator.requestCount("/org-001/_apis/git/repositories")).isZero();
          HttpResponse<byte[]> packed =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(
                              URI.create(service.app.publicUrl() + "/api/repositories"))
                          .header("Authorization", "Bearer " + service.token.reveal())
                          .header("Accept-Encoding", "gzip")
                          .build(),
                      HttpResponse.BodyHandlers.ofByteArray());
          assertThat(packed.headers().firstValue("Content-Encoding")).contains("gzip");
          try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                .as("the same answer, gzipped for a client that asks")
                .isEqualTo(again.body());
          }

          createInAzureDevOps(project, "made-after-the-listing");
          List<Delivery> delivered =
              simulator.awaitDeliveries(
                  d -> d.stream().anyMatch(x -> x.url().equals(receiver) && x.succeeded()), WAIT);
          assertThat(delivered).anyMatch(x -> x.url().equals(receiver) && x.status() == 200);
          JsonNode event = api.get("/api/events").send().json().get(0);
          assertThat(event.path("eventType").asText()).isEqualTo("git.repo.created");
          assertThat(event.path("trusted").asBoolean()).as(event.toString()).isTrue();

          Api.Response after = api.get("/api/repositories").send();
          assertThat(paths(after))
              .as("the new repository at once, not after the age rule")
              .contains("org-001/" + project.name() + "/made-after-the-listing")
              .hasSize(first.size() + 1);
          assertThat(done(after).has("keptFrom")).isFalse();
        });
  }
}
