package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.PathCodec;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RepositoriesTest {

  private static Simulator simulator;
  private static TestClient client;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.defaults());
    client = new TestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void largeAnswersAreGzippedOnlyForClientsThatAskForIt() throws Exception {
    HttpResponse<byte[]> gzipped =
        HttpClient.newHttpClient()
            .send(
                client
                    .request("/org-001/_apis/git/repositories?api-version=7.1")
                    .header("Accept-Encoding", "gzip")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<String> plain = client.get("/org-001/_apis/git/repositories?api-version=7.1");

    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
    }
    assertThat(gzipped.body().length).isLessThan(plain.body().length() / 3);
  }

  @Test
  void organizationLevelListsEveryRepositoryOfEveryProject() {
    Collection org = simulator.dataset().organizations().get(0);
    JsonNode body = TestClient.json(client.get("/org-001/_apis/git/repositories?api-version=7.1"));

    assertThat(body.get("count").asInt()).isEqualTo(org.repositories().size());
    assertThat(ids(body))
        .containsExactlyElementsOf(
            org.repositories().stream().map(r -> r.id().toString()).toList());
  }

  @Test
  void projectLevelListsOnlyThatProjectsRepositoriesByNameOrId() {
    Collection org = simulator.dataset().organizations().get(1);
    Project project =
        org.projects().stream().filter(p -> !p.tfvc()).reduce((a, b) -> b).orElseThrow();
    List<String> expected =
        org.repositoriesOf(project).stream().map(r -> r.id().toString()).toList();

    JsonNode byName =
        TestClient.json(
            client.get(
                "/org-002/"
                    + PathCodec.encodeSegment(project.name())
                    + "/_apis/git/repositories?api-version=7.1"));
    JsonNode byId =
        TestClient.json(client.get("/org-002/" + project.id() + "/_apis/git/repositories"));

    assertThat(ids(byName)).containsExactlyElementsOf(expected);
    assertThat(ids(byId)).containsExactlyElementsOf(expected);
  }

  @Test
  void repositoryJsonHasTheFullFieldSetAndSimulatorUrls() {
    Collection org = simulator.dataset().organizations().get(0);
    Repository repository =
        org.repositories().stream()
            .filter(
                r ->
                    r.cloneable()
                        && r.defaultBranch() != null
                        && !r.name().equals(r.project().name()))
            .findFirst()
            .orElseThrow();
    String project = PathCodec.encodeSegment(repository.project().name());
    String repo = PathCodec.encodeSegment(repository.name());

    JsonNode json =
        TestClient.json(client.get("/org-001/" + project + "/_apis/git/repositories/" + repo));

    assertThat(json.get("id").asText()).isEqualTo(repository.id().toString());
    assertThat(json.get("project").get("name").asText()).isEqualTo(repository.project().name());
    assertThat(json.get("defaultBranch").asText()).isEqualTo(repository.defaultBranch());
    assertThat(json.get("remoteUrl").asText())
        .isEqualTo(
            "http://org-001@127.0.0.1:"
                + simulator.port()
                + "/org-001/"
                + project
                + "/_git/"
                + repo);
    assertThat(json.get("webUrl").asText())
        .isEqualTo(simulator.baseUri() + "/org-001/" + project + "/_git/" + repo);
    assertThat(json.get("sshUrl").asText())
        .isEqualTo("git@ssh.127.0.0.1:v3/org-001/" + project + "/" + repo);
    assertThat(json.get("isDisabled").asBoolean()).isFalse();
    assertThat(json.has("isInMaintenance")).isTrue();
    assertThat(json.has("size")).isTrue();
  }

  @Test
  void repositoryNamedLikeItsProjectOmitsTheProjectSegment() {
    Repository repository =
        simulator.dataset().organizations().get(0).repositories().stream()
            .filter(r -> r.name().equals(r.project().name()) && r.hasRemoteUrl())
            .findFirst()
            .orElseThrow();

    JsonNode json =
        TestClient.json(client.get("/org-001/_apis/git/repositories/" + repository.id()));

    assertThat(json.get("remoteUrl").asText())
        .endsWith(
            "@127.0.0.1:"
                + simulator.port()
                + "/org-001/_git/"
                + PathCodec.encodeSegment(repository.name()));
  }

  @Test
  void neverPushedRepositoryHasNoUrlsAndNoDefaultBranch() {
    Repository repository =
        simulator.dataset().organizations().get(0).repositories().stream()
            .filter(r -> !r.hasRemoteUrl())
            .findFirst()
            .orElseThrow();

    JsonNode json =
        TestClient.json(client.get("/org-001/_apis/git/repositories/" + repository.id()));

    assertThat(json.has("remoteUrl")).isFalse();
    assertThat(json.has("sshUrl")).isFalse();
    assertThat(json.has("webUrl")).isFalse();
    assertThat(json.has("defaultBranch")).isFalse();
  }

  @Test
  void unknownRepositoryIsTf401019() {
    HttpResponse<String> response =
        client.get("/org-001/_apis/git/repositories/nope?api-version=7.1");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode json = TestClient.json(response);
    assertThat(json.get("message").asText())
        .isEqualTo(
            "TF401019: The Git repository with name or identifier nope "
                + "does not exist or you do not have permissions for the operation you are attempting.");
    assertThat(json.get("typeKey").asText()).isEqualTo("GitRepositoryNotFoundException");
    assertThat(json.get("$id").asText()).isEqualTo("1");
    assertThat(json.get("eventId").asInt()).isEqualTo(3000);
  }

  @Test
  void serverCollectionUsesCollectionUrls() {
    Repository repository =
        simulator.dataset().serverCollection().repositories().stream()
            .filter(r -> r.hasRemoteUrl() && !r.name().equals(r.project().name()))
            .findFirst()
            .orElseThrow();
    String project = PathCodec.encodeSegment(repository.project().name());
    String repo = PathCodec.encodeSegment(repository.name());

    JsonNode json =
        TestClient.json(
            client.get(
                "/tfs/DefaultCollection/_apis/git/repositories/"
                    + repository.id()
                    + "?api-version=6.0"));

    assertThat(json.get("remoteUrl").asText())
        .isEqualTo(simulator.baseUri() + "/tfs/DefaultCollection/" + project + "/_git/" + repo);
    assertThat(json.get("sshUrl").asText())
        .isEqualTo("ssh://127.0.0.1:22/tfs/DefaultCollection/" + project + "/_git/" + repo);
  }

  @Test
  void unknownOrganizationIs404() {
    HttpResponse<String> response = client.get("/no-such-org/_apis/projects");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(TestClient.json(response).get("message").asText()).contains("no-such-org");
  }

  private static List<String> ids(JsonNode listing) {
    List<String> ids = new ArrayList<>();
    listing.get("value").forEach(node -> ids.add(node.get("id").asText()));
    return ids;
  }

  @Test
  void aRepositoryCreatedThroughTheApiIsListedAndTwiceIsAConflict() {
    Project project = simulator.dataset().organizations().get(1).projects().get(0);
    String path =
        "/org-002/"
            + PathCodec.encodeSegment(project.name())
            + "/_apis/git/repositories?api-version=7.1";
    int before =
        TestClient.json(client.get("/org-002/_apis/git/repositories?api-version=7.1"))
            .path("count")
            .asInt();

    HttpResponse<String> created =
        TestClient.send(
            client
                .request(path)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"fresh one\"}"))
                .build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode repo = TestClient.json(created);
    assertThat(repo.path("name").asText()).isEqualTo("fresh one");
    assertThat(repo.path("project").path("id").asText()).isEqualTo(project.id().toString());
    assertThat(repo.has("remoteUrl")).isTrue();
    assertThat(repo.has("defaultBranch")).as("no commits yet").isFalse();

    JsonNode listed =
        TestClient.json(client.get("/org-002/_apis/git/repositories?api-version=7.1"));
    assertThat(listed.path("count").asInt()).isEqualTo(before + 1);
    assertThat(
            TestClient.json(
                    client.get(
                        "/org-002/_apis/git/repositories/"
                            + repo.path("id").asText()
                            + "?api-version=7.1"))
                .path("name")
                .asText())
        .isEqualTo("fresh one");
    HttpResponse<String> again =
        TestClient.send(
            client
                .request(path)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Fresh One\"}"))
                .build());
    assertThat(again.statusCode()).isEqualTo(409);
  }
}
