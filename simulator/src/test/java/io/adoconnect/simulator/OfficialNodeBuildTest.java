package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.build.BuildDefinition;
import io.adoconnect.simulator.data.Collection;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's official Node client drives the Build area (getDefinitions, queueBuild, getBuild,
 * getBuilds) and the Pipelines area (listPipelines, runPipeline, getRun, listRuns) through {@code
 * src/test/node/builds.js}, on a Services organization and on the Server 2020 collection, where it
 * must negotiate {@code 6.0-preview.1} for Pipelines by itself.
 */
class OfficialNodeBuildTest {
  // The Node client's enums: BuildStatus.NotStarted, RunState.InProgress.
  private static final int NOT_STARTED = 32;
  private static final int RUN_IN_PROGRESS = 1;

  private static Simulator simulator;

  @BeforeAll
  static void start() {
    simulator =
        NodeScript.startSimulator(SimulatorConfig.builder().buildDurationMillis(600_000).build());
  }

  @AfterAll
  static void stop() {
    NodeScript.stop(simulator);
  }

  @Test
  void drivesBuildsAndPipelinesOnAServicesOrganization() throws Exception {
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    BuildDefinition d = simulator.buildDefinitions(org).get(0);

    JsonNode result = run(simulator.baseUri() + "/org-001", d);

    assertDrives(result, d);
    String project = "/org-001/" + d.project().name();
    assertThat(NodeScript.apiVersions(simulator, "POST", project + "/_apis/build/builds"))
        .containsOnly("7.2-preview.7");
    assertThat(NodeScript.apiVersions(simulator, "GET", project + "/_apis/build/definitions"))
        .containsOnly("7.2-preview.7");
    assertThat(
            NodeScript.apiVersions(
                simulator, "POST", project + "/_apis/pipelines/" + d.id() + "/runs"))
        .containsOnly("7.2-preview.1");
  }

  @Test
  void drivesBuildsAndPipelinesOnTheServerCollection() throws Exception {
    BuildDefinition d = simulator.buildDefinitions(simulator.dataset().serverCollection()).get(0);

    JsonNode result = run(simulator.baseUri() + "/tfs/DefaultCollection", d);

    assertDrives(result, d);
    String project = "/tfs/DefaultCollection/" + d.project().name();
    assertThat(NodeScript.apiVersions(simulator, "POST", project + "/_apis/build/builds"))
        .containsOnly("6.0");
    assertThat(NodeScript.apiVersions(simulator, "GET", project + "/_apis/pipelines"))
        .containsOnly("6.0-preview.1");
    assertThat(
            NodeScript.apiVersions(
                simulator, "POST", project + "/_apis/pipelines/" + d.id() + "/runs"))
        .containsOnly("6.0-preview.1");
  }

  private static void assertDrives(JsonNode result, BuildDefinition d) {
    assertThat(result.path("definitions").get(0).path("id").asInt()).isEqualTo(d.id());
    assertThat(result.path("definitions").get(0).path("name").asText()).isEqualTo(d.name());

    JsonNode queued = result.path("queued");
    assertThat(queued.path("status").asInt()).isEqualTo(NOT_STARTED);
    assertThat(queued.path("definitionId").asInt()).isEqualTo(d.id());
    assertThat(queued.path("sourceBranch").asText()).isEqualTo("refs/heads/feature/search");
    assertThat(queued.path("parameters").asText())
        .isEqualTo("{\"BuildConfiguration\":\"Release\"}");
    assertThat(queued.path("templateParameters").path("environment").asText()).isEqualTo("staging");
    assertThat(queued.path("queueTime").asText()).isNotBlank();
    assertThat(result.path("got").path("id").asInt()).isEqualTo(queued.path("id").asInt());
    assertThat(result.path("got").path("buildNumber").asText())
        .isEqualTo(queued.path("buildNumber").asText());
    assertThat(result.path("builds").get(0).path("id").asInt())
        .isEqualTo(queued.path("id").asInt());

    assertThat(result.path("pipelines").get(0).path("id").asInt()).isEqualTo(d.id());
    JsonNode run = result.path("run");
    assertThat(run.path("state").asInt()).isEqualTo(RUN_IN_PROGRESS);
    assertThat(run.path("pipelineId").asInt()).isEqualTo(d.id());
    assertThat(run.path("refName").asText()).isEqualTo("refs/heads/feature/login-page");
    assertThat(run.path("id").asInt()).isGreaterThan(queued.path("id").asInt());
    assertThat(result.path("gotRun").path("name").asText()).isEqualTo(run.path("name").asText());
    assertThat(result.path("runs").get(0).path("id").asInt()).isEqualTo(run.path("id").asInt());
  }

  private static JsonNode run(String baseUrl, BuildDefinition d)
      throws IOException, InterruptedException {
    return NodeScript.run(
        "builds.js", baseUrl, simulator.config().pat(), d.project().name(), d.name());
  }
}
