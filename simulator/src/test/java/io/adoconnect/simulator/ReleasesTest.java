package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.PathCodec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Release definitions and releases whose stages run by the simulator's clock. */
class ReleasesTest {
  private static Simulator simulator;
  private static TestClient client;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().releaseStageSeconds(60).build());
    client = new TestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static String project(String collectionPath, Repository repo) {
    return collectionPath + "/" + PathCodec.encodeSegment(repo.project().name());
  }

  private static HttpResponse<String> post(String pathAndQuery, String body) {
    return TestClient.send(
        client
            .request(pathAndQuery)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void definitionsAreOnePerRepositoryWithThreeStages() {
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    Repository repo = org.repositories().get(0);
    JsonNode list =
        TestClient.json(
            client.get(
                project("/org-001", repo)
                    + "/_apis/release/definitions?$expand=environments&api-version=7.1"));

    assertThat(list.get("count").asInt()).isEqualTo(org.repositoriesOf(repo.project()).size());
    JsonNode first = list.get("value").get(0);
    assertThat(first.get("name").asText()).isEqualTo(repo.name() + "-Release");
    List<String> stages = new ArrayList<>();
    first.get("environments").forEach(e -> stages.add(e.get("name").asText()));
    assertThat(stages).containsExactly("Dev", "Staging", "Production");
    assertThat(first.get("url").asText())
        .isEqualTo(
            simulator.baseUri()
                + "/org-001/"
                + repo.project().id()
                + "/_apis/Release/definitions/"
                + first.get("id").asInt());
  }

  @Test
  void definitionsPageWithContinuationTokens() {
    Collection org = simulator.dataset().organization("org-002").orElseThrow();
    Repository repo = org.repositories().get(0);
    String base = project("/org-002", repo) + "/_apis/release/definitions?$top=1&api-version=7.1";
    HttpResponse<String> first = client.get(base);
    String token = first.headers().firstValue("x-ms-continuationtoken").orElseThrow();
    JsonNode second = TestClient.json(client.get(base + "&continuationToken=" + token));
    assertThat(second.get("value").get(0).get("id").asInt())
        .isEqualTo(TestClient.json(first).get("value").get(0).get("id").asInt() + 1);
  }

  @Test
  void aReleaseMovesThroughItsStagesOneAfterAnother() {
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    Repository repo = org.repositories().get(1);
    String project = project("/org-001", repo);
    int definitionId = definitionId(project, repo);

    HttpResponse<String> created =
        post(
            project + "/_apis/release/releases?api-version=7.1",
            "{\"definitionId\":"
                + definitionId
                + ",\"description\":\"ship it\",\"variables\":{\"flavour\":{\"value\":\"blue\"}}}");
    assertThat(created.statusCode()).isEqualTo(200);
    JsonNode release = TestClient.json(created);
    assertThat(release.get("description").asText()).isEqualTo("ship it");
    assertThat(release.get("variables").get("flavour").get("value").asText()).isEqualTo("blue");
    assertThat(statuses(release)).containsExactly("inProgress", "notStarted", "notStarted");

    String get =
        project + "/_apis/release/releases/" + release.get("id").asInt() + "?api-version=7.1";
    simulator.advanceReleases(Duration.ofSeconds(61));
    assertThat(statuses(TestClient.json(client.get(get))))
        .containsExactly("succeeded", "inProgress", "notStarted");
    simulator.completeReleases();
    assertThat(statuses(TestClient.json(client.get(get))))
        .containsExactly("succeeded", "succeeded", "succeeded");
  }

  @Test
  void releasesListNewestFirstPerDefinitionWithContinuationTokens() {
    Collection org = simulator.dataset().serverCollection();
    Repository repo = org.repositories().get(0);
    String project = project("/tfs/DefaultCollection", repo);
    int definitionId = definitionId(project, repo);
    for (int i = 0; i < 3; i++) {
      post(
          project + "/_apis/release/releases?api-version=6.0",
          "{\"definitionId\":" + definitionId + "}");
    }
    String list =
        project
            + "/_apis/release/releases?definitionId="
            + definitionId
            + "&$top=2&api-version=6.0";
    HttpResponse<String> first = client.get(list);
    JsonNode page = TestClient.json(first);
    assertThat(page.get("count").asInt()).isEqualTo(2);
    int newest = page.get("value").get(0).get("id").asInt();
    assertThat(page.get("value").get(1).get("id").asInt()).isEqualTo(newest - 1);
    String token = first.headers().firstValue("x-ms-continuationtoken").orElseThrow();
    JsonNode rest = TestClient.json(client.get(list + "&continuationToken=" + token));
    assertThat(rest.get("value").get(0).get("id").asInt()).isEqualTo(newest - 2);
  }

  @Test
  void unknownDefinitionsAndReleasesAreNotFound() {
    Repository repo =
        simulator.dataset().organization("org-001").orElseThrow().repositories().get(0);
    String project = project("/org-001", repo);
    HttpResponse<String> create =
        post(project + "/_apis/release/releases?api-version=7.1", "{\"definitionId\":9999}");
    assertThat(create.statusCode()).isEqualTo(404);
    assertThat(TestClient.json(create).get("message").asText()).contains("9999");
    assertThat(client.get(project + "/_apis/release/releases/9999?api-version=7.1").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theReleaseAreaResolvesToTheOrganizationOnServicesAndIsAbsentOnServer() {
    JsonNode areas = TestClient.json(client.get("/org-001/_apis/ResourceAreas"));
    List<String> release = new ArrayList<>();
    areas
        .get("value")
        .forEach(
            a -> {
              if (a.get("id").asText().equals("efc2f575-36ef-48e9-b672-0c6fb4a48ac5")) {
                release.add(a.get("locationUrl").asText());
              }
            });
    assertThat(release).containsExactly(simulator.baseUri() + "/org-001/");
  }

  private static int definitionId(String project, Repository repo) {
    JsonNode list =
        TestClient.json(
            client.get(
                project
                    + "/_apis/release/definitions?searchText="
                    + PathCodec.encodeSegment(repo.name() + "-Release")
                    + "&isExactNameMatch=true&api-version=6.0"));
    return list.get("value").get(0).get("id").asInt();
  }

  private static List<String> statuses(JsonNode release) {
    List<String> statuses = new ArrayList<>();
    release.get("environments").forEach(e -> statuses.add(e.get("status").asText()));
    return statuses;
  }
}
