package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.build.BuildDefinition;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.http.PathCodec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Build definitions, queued builds progressing with time, and the Pipelines view of both. */
class BuildsTest {
  private static Simulator simulator;
  private static TestClient client;
  private static Collection org;
  private static BuildDefinition definition;

  @BeforeAll
  static void start() {
    // Long builds: only the test hooks move them on.
    simulator = Simulator.start(SimulatorConfig.builder().buildDurationMillis(600_000).build());
    client = new TestClient(simulator);
    org = simulator.dataset().organization("org-001").orElseThrow();
    definition = simulator.buildDefinitions(org).get(0);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static String project() {
    return "/org-001/" + PathCodec.encodeSegment(definition.project().name());
  }

  private static HttpResponse<String> post(String path, String body) {
    return TestClient.send(
        client
            .request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static JsonNode queue(String body) {
    HttpResponse<String> response = post(project() + "/_apis/build/builds?api-version=7.1", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestClient.json(response);
  }

  @Test
  void definitionsAreDerivedFromTheDatasetAndBoundToARepositoryAndItsDefaultBranch() {
    List<BuildDefinition> again;
    try (Simulator other = Simulator.start(SimulatorConfig.defaults())) {
      again = other.buildDefinitions(other.dataset().organization("org-001").orElseThrow());
    }
    assertThat(simulator.buildDefinitions(org)).isEqualTo(again);
    assertThat(definition.name()).isEqualTo(definition.repository().name() + "-CI");

    JsonNode listed =
        TestClient.json(
            client.get(
                project() + "/_apis/build/definitions?includeAllProperties=true&api-version=7.1"));
    assertThat(listed.path("count").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode first = listed.path("value").get(0);
    assertThat(first.path("id").asInt()).isEqualTo(definition.id());
    assertThat(first.path("repository").path("id").asText())
        .isEqualTo(definition.repository().id().toString());
    assertThat(first.path("repository").path("defaultBranch").asText())
        .isEqualTo(definition.repository().defaultBranch());
    assertThat(first.path("process").path("yamlFilename").asText())
        .isEqualTo("azure-pipelines.yml");
    assertThat(
            TestClient.json(client.get(project() + "/_apis/build/definitions?api-version=7.1"))
                .path("value")
                .get(0)
                .has("repository"))
        .isFalse();
  }

  @Test
  void definitionsFilterByNameWithWildcardsAndPageWithContinuationTokens() {
    String prefix = definition.repository().name();
    JsonNode byName =
        TestClient.json(
            client.get(
                project()
                    + "/_apis/build/definitions?name="
                    + PathCodec.encodeSegment(prefix.toUpperCase() + "-ci")
                    + "&api-version=7.1"));
    assertThat(byName.path("count").asInt()).isEqualTo(1);
    JsonNode wildcard =
        TestClient.json(
            client.get(
                project()
                    + "/_apis/build/definitions?name="
                    + PathCodec.encodeSegment(prefix)
                    + "*&api-version=7.1"));
    assertThat(wildcard.path("count").asInt()).isEqualTo(2); // -CI and -nightly

    List<Integer> ids = new ArrayList<>();
    String token = null;
    do {
      HttpResponse<String> page =
          client.get(
              project()
                  + "/_apis/build/definitions?$top=1&api-version=7.1"
                  + (token == null ? "" : "&continuationToken=" + token));
      TestClient.json(page).path("value").forEach(d -> ids.add(d.path("id").asInt()));
      token = page.headers().firstValue("x-ms-continuationtoken").orElse(null);
    } while (token != null);
    assertThat(ids)
        .containsExactlyElementsOf(
            simulator.buildDefinitions(org).stream()
                .filter(d -> d.project().equals(definition.project()))
                .map(BuildDefinition::id)
                .toList());
  }

  @Test
  void aQueuedBuildWaitsThenRunsThenSucceeds() {
    JsonNode queued =
        queue(
            "{\"definition\":{\"id\":"
                + definition.id()
                + "},\"parameters\":\"{\\\"BuildConfiguration\\\":\\\"debug\\\"}\","
                + "\"templateParameters\":{\"environment\":\"staging\"}}");
    int id = queued.path("id").asInt();
    assertThat(queued.path("status").asText()).isEqualTo("notStarted");
    assertThat(queued.has("result")).isFalse();
    assertThat(queued.path("sourceBranch").asText())
        .isEqualTo(definition.repository().defaultBranch());
    assertThat(queued.path("sourceVersion").asText()).matches("[0-9a-f]{40}");
    assertThat(queued.path("parameters").asText()).contains("BuildConfiguration");
    assertThat(queued.path("templateParameters").path("environment").asText()).isEqualTo("staging");
    assertThat(queued.path("definition").path("name").asText()).isEqualTo(definition.name());
    assertThat(queued.path("_links").path("web").path("href").asText())
        .endsWith("/_build/results?buildId=" + id);

    simulator.startBuilds();
    assertThat(get(id).path("status").asText()).isEqualTo("inProgress");
    assertThat(get(id).has("startTime")).isTrue();

    simulator.completeBuilds();
    JsonNode done = get(id);
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("result").asText()).isEqualTo("succeeded");
    assertThat(done.has("finishTime")).isTrue();
  }

  @Test
  void anArmedFailureFailsTheNextBuildOnly() {
    simulator.failNextBuild();
    int failing = queue("{\"definition\":{\"id\":" + definition.id() + "}}").path("id").asInt();
    int passing = queue("{\"definition\":{\"id\":" + definition.id() + "}}").path("id").asInt();
    simulator.completeBuilds();
    assertThat(get(failing).path("result").asText()).isEqualTo("failed");
    assertThat(get(passing).path("result").asText()).isEqualTo("succeeded");
  }

  @Test
  void buildsTimeOutOfTheirDurationWithoutHooks() throws Exception {
    try (Simulator fast =
        Simulator.start(SimulatorConfig.builder().buildDurationMillis(0).build())) {
      TestClient quick = new TestClient(fast);
      BuildDefinition d = fast.buildDefinitions(org).get(0);
      String path = "/org-001/" + PathCodec.encodeSegment(d.project().name());
      HttpResponse<String> queued =
          TestClient.send(
              quick
                  .request(path + "/_apis/build/builds?api-version=7.1")
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"definition\":{\"id\":" + d.id() + "}}"))
                  .build());
      int id = TestClient.json(queued).path("id").asInt();
      JsonNode now =
          TestClient.json(quick.get(path + "/_apis/build/builds/" + id + "?api-version=7.1"));
      assertThat(now.path("status").asText()).isEqualTo("completed");
      assertThat(now.path("result").asText()).isEqualTo("succeeded");
    }
  }

  @Test
  void listsNewestFirstWithFiltersAndContinuationTokens() {
    String branch = "refs/heads/feature/search";
    int a = queue("{\"definition\":{\"id\":" + definition.id() + "}}").path("id").asInt();
    int b =
        queue(
                "{\"definition\":{\"id\":"
                    + definition.id()
                    + "},\"sourceBranch\":\""
                    + branch
                    + "\"}")
            .path("id")
            .asInt();
    int c = queue("{\"definition\":{\"id\":" + definition.id() + "}}").path("id").asInt();
    String list = project() + "/_apis/build/builds?api-version=7.1&definitions=" + definition.id();

    List<Integer> ids = new ArrayList<>();
    String token = null;
    do {
      HttpResponse<String> page =
          client.get(list + "&$top=2" + (token == null ? "" : "&continuationToken=" + token));
      TestClient.json(page).path("value").forEach(x -> ids.add(x.path("id").asInt()));
      token = page.headers().firstValue("x-ms-continuationtoken").orElse(null);
    } while (token != null);
    assertThat(ids).containsSubsequence(c, b, a);
    assertThat(ids).isSortedAccordingTo((x, y) -> Integer.compare(y, x));

    JsonNode onBranch = TestClient.json(client.get(list + "&branchName=" + branch));
    assertThat(onBranch.path("value").get(0).path("id").asInt()).isEqualTo(b);
    onBranch
        .path("value")
        .forEach(x -> assertThat(x.path("sourceBranch").asText()).isEqualTo(branch));

    simulator.completeBuilds();
    int pending = queue("{\"definition\":{\"id\":" + definition.id() + "}}").path("id").asInt();
    JsonNode notStarted = TestClient.json(client.get(list + "&statusFilter=notStarted"));
    assertThat(notStarted.path("value"))
        .extracting(x -> x.path("id").asInt())
        .containsExactly(pending);
    // the Node client sends enum numbers: 32 = notStarted
    assertThat(TestClient.json(client.get(list + "&statusFilter=32")).path("count").asInt())
        .isEqualTo(1);
    assertThat(TestClient.json(client.get(list + "&resultFilter=succeeded")).path("count").asInt())
        .isGreaterThanOrEqualTo(3);
    simulator.completeBuilds();
  }

  @Test
  void unknownDefinitionIs404AndUnknownBranchIs400() {
    HttpResponse<String> missing =
        post(project() + "/_apis/build/builds?api-version=7.1", "{\"definition\":{\"id\":9999}}");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(TestClient.json(missing).path("typeKey").asText())
        .isEqualTo("DefinitionNotFoundException");

    HttpResponse<String> branch =
        post(
            project() + "/_apis/build/builds?api-version=7.1",
            "{\"definition\":{\"id\":"
                + definition.id()
                + "},\"sourceBranch\":\"refs/heads/nope\"}");
    assertThat(branch.statusCode()).isEqualTo(400);
    JsonNode error = TestClient.json(branch);
    assertThat(error.path("typeKey").asText()).isEqualTo("BuildRequestValidationFailedException");
    assertThat(
            error
                .path("customProperties")
                .path("ValidationResults")
                .get(0)
                .path("message")
                .asText())
        .contains("refs/heads/nope");

    assertThat(client.get(project() + "/_apis/build/builds/99999?api-version=7.1").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aPipelineRunIsTheBuildItCreates() {
    HttpResponse<String> runResponse =
        post(
            project() + "/_apis/pipelines/" + definition.id() + "/runs?api-version=7.1",
            "{\"resources\":{\"repositories\":{\"self\":{\"refName\":\"refs/heads/feature/login-page\"}}},"
                + "\"templateParameters\":{\"environment\":\"staging\"},"
                + "\"variables\":{\"Config\":{\"value\":\"Release\",\"isSecret\":false},"
                + "\"Token\":{\"value\":\"fake-secret-value\",\"isSecret\":true}}}");
    assertThat(runResponse.statusCode()).as(runResponse.body()).isEqualTo(200);
    JsonNode run = TestClient.json(runResponse);
    int id = run.path("id").asInt();
    assertThat(run.path("state").asText()).isEqualTo("inProgress");
    assertThat(run.path("pipeline").path("id").asInt()).isEqualTo(definition.id());
    assertThat(run.path("resources").path("repositories").path("self").path("refName").asText())
        .isEqualTo("refs/heads/feature/login-page");
    assertThat(run.path("variables").path("Config").path("value").asText()).isEqualTo("Release");
    assertThat(runResponse.body()).doesNotContain("fake-secret-value");

    JsonNode build = get(id);
    assertThat(build.path("buildNumber").asText()).isEqualTo(run.path("name").asText());
    assertThat(build.path("sourceBranch").asText()).isEqualTo("refs/heads/feature/login-page");

    simulator.completeBuilds();
    JsonNode done =
        TestClient.json(
            client.get(
                project()
                    + "/_apis/pipelines/"
                    + definition.id()
                    + "/runs/"
                    + id
                    + "?api-version=7.1"));
    assertThat(done.path("state").asText()).isEqualTo("completed");
    assertThat(done.path("result").asText()).isEqualTo("succeeded");
    JsonNode runs =
        TestClient.json(
            client.get(
                project() + "/_apis/pipelines/" + definition.id() + "/runs?api-version=7.1"));
    assertThat(runs.path("value").get(0).path("id").asInt()).isEqualTo(id);

    JsonNode pipelines =
        TestClient.json(client.get(project() + "/_apis/pipelines?api-version=7.1"));
    assertThat(pipelines.path("value").get(0).path("name").asText()).isEqualTo(definition.name());
    assertThat(pipelines.path("value").get(0).path("folder").asText()).isEqualTo("\\");
    assertThat(client.get(project() + "/_apis/pipelines/9999/runs?api-version=7.1").statusCode())
        .isEqualTo(404);
  }

  @Test
  void server2020ServesPipelinesOnlyAsPreviewAndListsThemSo() {
    Collection server = simulator.dataset().serverCollection();
    BuildDefinition d = simulator.buildDefinitions(server).get(0);
    String base = "/tfs/DefaultCollection/" + PathCodec.encodeSegment(d.project().name());
    HttpResponse<String> released = client.get(base + "/_apis/pipelines?api-version=6.0");
    assertThat(released.statusCode()).isEqualTo(400);
    assertThat(TestClient.json(released).path("typeKey").asText())
        .isEqualTo("VssInvalidPreviewVersionException");
    assertThat(client.get(base + "/_apis/pipelines?api-version=6.0-preview.1").statusCode())
        .isEqualTo(200);
    assertThat(client.get(base + "/_apis/build/definitions?api-version=6.0").statusCode())
        .isEqualTo(200);

    HttpResponse<String> options =
        TestClient.send(
            client
                .request("/tfs/DefaultCollection/_apis/pipelines")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    TestClient.json(options)
        .path("value")
        .forEach(l -> assertThat(l.path("releasedVersion").asText()).isEqualTo("0.0"));
    assertThat(TestClient.json(options).path("count").asInt()).isEqualTo(2);
  }

  private static JsonNode get(int id) {
    return TestClient.json(
        client.get(project() + "/_apis/build/builds/" + id + "?api-version=7.1"));
  }
}
