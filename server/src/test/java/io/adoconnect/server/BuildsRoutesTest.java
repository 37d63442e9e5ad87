package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.http.Urls;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.build.BuildDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/projects/{organization}/{project}/builds…} and {@code …/pipelines…}. */
class BuildsRoutesTest extends ServerTestBase {

  @Override
  protected SimulatorConfig simulatorConfig() {
    return super.simulatorConfig().toBuilder().buildDurationMillis(600_000).build();
  }

  private BuildDefinition definition() {
    return simulator
        .buildDefinitions(simulator.dataset().organization("org-001").orElseThrow())
        .get(0);
  }

  private String base(BuildDefinition d) {
    return "/api/projects/org-001/" + Urls.encodeSegment(d.project().name());
  }

  private static void connect(Api api) {
    Api.Response r =
        api.post("/api/connections/pat")
            .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  @Test
  void queuesByNameThenGetsAndListsTheBuildAsItCompletes() {
    serve(
        (service, api) -> {
          connect(api);
          BuildDefinition d = definition();
          JsonNode definitions = api.get(base(d) + "/builds/definitions").send().json();
          assertThat(definitions.get(0).path("name").asText()).isEqualTo(d.name());
          assertThat(definitions.get(0).path("repository").path("defaultBranch").asText())
              .isEqualTo(d.repository().defaultBranch());

          Api.Response queued =
              api.post(base(d) + "/builds")
                  .json(
                      Map.of(
                          "definition",
                          d.name(),
                          "branch",
                          "feature/search",
                          "parameters",
                          Map.of("BuildConfiguration", "Release")))
                  .send();
          assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
          int id = queued.json().path("id").asInt();
          assertThat(queued.header("Location")).isEqualTo(base(d) + "/builds/" + id);
          assertThat(queued.json().path("status").asText()).isEqualTo("notStarted");
          assertThat(queued.json().path("sourceBranch").asText())
              .isEqualTo("refs/heads/feature/search");

          simulator.completeBuilds();
          JsonNode done = api.get(base(d) + "/builds/" + id).send().json();
          assertThat(done.path("status").asText()).isEqualTo("completed");
          assertThat(done.path("result").asText()).isEqualTo("succeeded");

          JsonNode listed =
              api.get(base(d) + "/builds?definition=" + d.id() + "&branch=feature/search&top=5")
                  .send()
                  .json();
          assertThat(listed.get(0).path("id").asInt()).isEqualTo(id);
        });
  }

  @Test
  void aBuildsLogsAreListedAndReadInPagesOrByTheirTail() {
    serve(
        (service, api) -> {
          connect(api);
          BuildDefinition d = definition();
          int id =
              api.post(base(d) + "/builds")
                  .json(Map.of("definition", d.name()))
                  .send()
                  .json()
                  .path("id")
                  .asInt();
          assertThat(api.get(base(d) + "/builds/" + id + "/logs").send().json()).isEmpty();
          simulator.completeBuilds();

          JsonNode logs = api.get(base(d) + "/builds/" + id + "/logs").send().json();
          assertThat(logs).hasSize(4);
          int lineCount = logs.get(0).path("lineCount").asInt();

          JsonNode page =
              api.get(base(d) + "/builds/" + id + "/logs/1?startLine=1&lines=2").send().json();
          assertThat(page.path("lines")).hasSize(2);
          assertThat(page.path("nextStartLine").asInt()).isEqualTo(3);
          assertThat(page.path("log").path("lineCount").asInt()).isEqualTo(lineCount);
          JsonNode tail = api.get(base(d) + "/builds/" + id + "/logs/1?tail=1").send().json();
          assertThat(tail.path("startLine").asInt()).isEqualTo(lineCount);
          assertThat(tail.path("nextStartLine").isNull()).isTrue();

          Api.Response tooMany = api.get(base(d) + "/builds/" + id + "/logs/1?lines=10001").send();
          assertThat(tooMany.status()).isEqualTo(400);
          assertThat(tooMany.json().path("hint").asText()).contains("nextStartLine");
          Api.Response noSuchLog = api.get(base(d) + "/builds/" + id + "/logs/9").send();
          assertThat(noSuchLog.status()).isEqualTo(404);
          assertThat(noSuchLog.json().path("message").asText()).contains("its logs are 1 to 4");
        });
  }

  @Test
  void runsAPipelineAndGetsTheRun() {
    serve(
        (service, api) -> {
          connect(api);
          BuildDefinition d = definition();
          JsonNode pipelines = api.get(base(d) + "/pipelines").send().json();
          assertThat(pipelines.get(0).path("id").asInt()).isEqualTo(d.id());

          Api.Response run =
              api.post(base(d) + "/pipelines/" + d.id() + "/runs")
                  .json(Map.of("variables", Map.of("Config", "Release")))
                  .send();
          assertThat(run.status()).as(run.toString()).isEqualTo(201);
          int runId = run.json().path("id").asInt();
          assertThat(run.json().path("state").asText()).isEqualTo("inProgress");

          simulator.completeBuilds();
          Api.Response got =
              api.get(base(d) + "/pipelines/" + Urls.encodeSegment(d.name()) + "/runs/" + runId)
                  .send();
          assertThat(got.status()).as(got.toString()).isEqualTo(200);
          assertThat(got.json().path("result").asText()).isEqualTo("succeeded");
        });
  }

  @Test
  void badInputIs400AndUnknownThingsAre404WithAHint() {
    serve(
        (service, api) -> {
          connect(api);
          BuildDefinition d = definition();
          Api.Response noDefinition = api.post(base(d) + "/builds").json("{}").send();
          assertThat(noDefinition.status()).isEqualTo(400);
          assertThat(noDefinition.json().path("message").asText()).contains("definition");

          Api.Response unknown =
              api.post(base(d) + "/builds").json(Map.of("definition", "9999")).send();
          assertThat(unknown.status()).isEqualTo(404);
          assertThat(unknown.json().path("hint").asText())
              .contains("build definitions")
              .doesNotContain("ado-connect");

          Api.Response branch =
              api.post(base(d) + "/builds")
                  .json(Map.of("definition", Integer.toString(d.id()), "branch", "nope"))
                  .send();
          assertThat(branch.status()).isEqualTo(400);
          assertThat(branch.json().path("message").asText()).contains("refs/heads/nope");

          assertThat(api.get(base(d) + "/builds/abc").send().status()).isEqualTo(400);
          assertThat(api.get(base(d) + "/builds?top=0").send().status()).isEqualTo(400);
          assertThat(api.get(base(d) + "/builds/99999").send().status()).isEqualTo(404);
        });
  }
}
