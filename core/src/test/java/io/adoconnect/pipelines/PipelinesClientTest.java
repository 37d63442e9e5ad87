package io.adoconnect.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.Json;
import io.adoconnect.http.Poller;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.build.BuildDefinition;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PipelinesClient} and {@link ProjectPipelines} against the simulator, on Services (7.1) and
 * Server 2020 (6.0).
 */
class PipelinesClientTest {
  private static Simulator simulator;
  private static final List<ApiRequest> sent = new CopyOnWriteArrayList<>();
  private static PipelinesClient pipelines;
  private static AzureDevOpsHttp http;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().buildDurationMillis(600_000).build());
    HttpTransport standard = RetryingTransport.standard();
    http =
        new AzureDevOpsHttp(
            request -> {
              sent.add(request);
              return standard.send(request);
            },
            PatCredential.of(Secret.of(simulator.config().pat()), false));
    pipelines = new PipelinesClient(http);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void clear() {
    sent.clear();
  }

  @Test
  void runsAPipelineOnServer2020WithThePreviewVersionAndFollowsTheRun() {
    Organization server =
        Organization.server(
            URI.create(simulator.baseUri() + "/tfs"), "DefaultCollection", ApiVersion.parse("6.0"));
    BuildDefinition d = simulator.buildDefinitions(simulator.dataset().serverCollection()).get(0);
    String project = d.project().name();

    List<Pipeline> listed = pipelines.list(server, project).toList();
    assertThat(listed).extracting(Pipeline::name).contains(d.name());
    assertThat(BuildsQuery.apiVersion(sent.get(0))).isEqualTo("6.0-preview.1");
    assertThat(inProject(server, project, w -> {}).pipelineId(d.name().toUpperCase()))
        .isEqualTo(d.id());

    sent.clear();
    PipelineRun run =
        pipelines.run(
            server,
            project,
            d.id(),
            RunPipelineInput.defaults()
                .withBranch("feature/search")
                .withVariable("Config", "Release")
                .withTemplateParameter("environment", "staging"));
    assertThat(run.state()).isEqualTo("inProgress");
    assertThat(run.branch()).isEqualTo("refs/heads/feature/search");
    assertThat(run.pipeline().id()).isEqualTo(d.id());
    assertThat(sent.get(0).scope()).isEqualTo(AccessScope.BUILD_EXECUTE);
    assertThat(BuildsQuery.apiVersion(sent.get(0))).isEqualTo("6.0-preview.1");

    List<String> states = new ArrayList<>();
    PipelineRun done =
        inProject(server, project, w -> simulator.completeBuilds())
            .awaitRun(run, Duration.ofMinutes(1), r -> states.add(r.progress()));
    assertThat(done.result()).isEqualTo("succeeded");
    assertThat(states).containsExactly("inProgress", "completed/succeeded");
    assertThat(pipelines.runs(server, project, d.id()))
        .extracting(PipelineRun::id)
        .contains(run.id());
  }

  @Test
  void servicesUseTheReleasedVersionAndUnknownPipelinesAreNamed() throws Exception {
    Organization org =
        Organization.services(AzureDevOpsEndpoints.allAt(simulator.baseUri()), "org-001");
    BuildDefinition d =
        simulator
            .buildDefinitions(simulator.dataset().organization("org-001").orElseThrow())
            .get(0);
    String project = d.project().name();
    PipelineRun run = pipelines.run(org, project, d.id(), RunPipelineInput.defaults());
    assertThat(BuildsQuery.apiVersion(sent.get(0))).isEqualTo("7.1");
    assertThat(run.branch()).isEqualTo(d.repository().defaultBranch());
    assertThat(Json.MAPPER.readTree(sent.get(0).body()).isEmpty()).isTrue();
    assertThat(pipelines.getRun(org, project, d.id(), run.id()).name()).isEqualTo(run.name());

    assertThatThrownBy(() -> pipelines.run(org, project, 9999, RunPipelineInput.defaults()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Pipeline 9999");
    assertThatThrownBy(() -> inProject(org, project, w -> {}).pipelineId("nothing-like-it"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("No pipeline in org-001/" + project + " is named 'nothing-like-it'")
        .hasMessageContaining("these exist: " + d.name() + " (id " + d.id() + ")");
    assertThatThrownBy(
            () ->
                pipelines.run(org, project, d.id(), RunPipelineInput.defaults().withBranch("nope")))
        .isInstanceOf(InvalidInputException.class);
    simulator.completeBuilds();
  }

  @Test
  void readsTheRunExampleAndWritesTheDocumentedRequest() throws Exception {
    PipelineRun run =
        Json.MAPPER.treeToValue(fixture("pipeline-run.constructed.json"), PipelineRun.class);
    assertThat(run.id()).isEqualTo(4711);
    assertThat(run.pipeline().name()).isEqualTo("Fabrikam-CI");
    assertThat(run.branch()).isEqualTo("refs/heads/main");
    assertThat(run.webUrl()).endsWith("buildId=4711");

    JsonNode expected = fixture("pipeline-run-request.constructed.json");
    JsonNode body =
        Json.MAPPER.valueToTree(
            RunPipelineInput.defaults()
                .withBranch("main")
                .withTemplateParameter("environment", "staging")
                .withVariable("BuildConfiguration", "Release")
                .body());
    assertThat(body.path("resources")).isEqualTo(expected.path("resources"));
    assertThat(body.path("templateParameters")).isEqualTo(expected.path("templateParameters"));
    assertThat(body.path("variables")).isEqualTo(expected.path("variables"));
  }

  private static JsonNode fixture(String name) throws Exception {
    try (InputStream in = PipelinesClientTest.class.getResourceAsStream("/fixtures/" + name)) {
      return Json.MAPPER.readTree(in);
    }
  }

  /** Reads a request's api-version. */
  static final class BuildsQuery {
    static String apiVersion(ApiRequest request) {
      for (String pair : request.uri().getRawQuery().split("&")) {
        if (pair.startsWith("api-version=")) {
          return pair.substring("api-version=".length());
        }
      }
      return null;
    }
  }

  private static ProjectPipelines inProject(
      Organization org, String project, io.adoconnect.http.Sleeper sleeper) {
    return new ProjectPipelines(
        new ProjectScope(http, org, project), new Poller(sleeper, Clock.systemUTC()));
  }
}
