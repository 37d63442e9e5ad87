package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.simulator.build.BuildDefinition;
import io.adoconnect.simulator.data.Collection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's official Node client drives the Build area (getDefinitions, queueBuild, getBuild,
 * getBuilds) and the Pipelines area (listPipelines, runPipeline, getRun, listRuns) through {@code
 * src/test/node/builds.js}, on a Services organization and on the Server 2020 collection, where it
 * must negotiate {@code 6.0-preview.1} for Pipelines by itself.
 */
class OfficialNodeBuildTest {
  private static final Path NODE_PROJECT = Path.of("src", "test", "node");
  // The Node client's enums: BuildStatus.NotStarted, RunState.InProgress.
  private static final int NOT_STARTED = 32;
  private static final int RUN_IN_PROGRESS = 1;

  private static Simulator simulator;

  @BeforeAll
  static void start() {
    if (!Files.isDirectory(NODE_PROJECT.resolve("node_modules").resolve("azure-devops-node-api"))) {
      String message = "Node dependencies missing: run `npm ci --prefix simulator/src/test/node`";
      if (Boolean.getBoolean("ado.requireNode")) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    simulator = Simulator.start(SimulatorConfig.defaults().withBuildDurationMillis(600_000));
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void drivesBuildsAndPipelinesOnAServicesOrganization() throws Exception {
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    BuildDefinition d = simulator.buildDefinitions(org).get(0);

    JsonNode result = run(simulator.baseUri() + "/org-001", d);

    assertDrives(result, d);
    String project = "/org-001/" + d.project().name();
    assertThat(apiVersions("POST", project + "/_apis/build/builds")).containsOnly("7.2-preview.7");
    assertThat(apiVersions("GET", project + "/_apis/build/definitions"))
        .containsOnly("7.2-preview.7");
    assertThat(apiVersions("POST", project + "/_apis/pipelines/" + d.id() + "/runs"))
        .containsOnly("7.2-preview.1");
  }

  @Test
  void drivesBuildsAndPipelinesOnTheServerCollection() throws Exception {
    BuildDefinition d = simulator.buildDefinitions(simulator.dataset().serverCollection()).get(0);

    JsonNode result = run(simulator.baseUri() + "/tfs/DefaultCollection", d);

    assertDrives(result, d);
    String project = "/tfs/DefaultCollection/" + d.project().name();
    assertThat(apiVersions("POST", project + "/_apis/build/builds")).containsOnly("6.0");
    assertThat(apiVersions("GET", project + "/_apis/pipelines")).containsOnly("6.0-preview.1");
    assertThat(apiVersions("POST", project + "/_apis/pipelines/" + d.id() + "/runs"))
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

  private static List<String> apiVersions(String method, String path) {
    return simulator.requests().stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .map(r -> r.apiVersion().orElse("<none>"))
        .toList();
  }

  private static JsonNode run(String baseUrl, BuildDefinition d)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("builds", ".json");
    try {
      Process process =
          new ProcessBuilder(
                  "node",
                  "builds.js",
                  baseUrl,
                  simulator.config().pat(),
                  d.project().name(),
                  d.name())
              .directory(NODE_PROJECT.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("node builds.js timed out");
      }
      assertThat(process.exitValue()).as("node builds.js exit code").isZero();
      return new ObjectMapper().readTree(Files.readString(stdout, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
    }
  }
}
