package io.adoconnect.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.AccessDeniedException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.WaitTimeoutException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
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
import io.adoconnect.simulator.data.Collection;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BuildsClient} and {@link ProjectBuilds} against the simulator. */
class BuildsClientTest {
  private static Simulator simulator;
  private static Organization org;
  private static String project;
  private static io.adoconnect.simulator.build.BuildDefinition definition;
  private static final List<ApiRequest> sent = new CopyOnWriteArrayList<>();
  private static BuildsClient builds;
  private static AzureDevOpsHttp http;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().buildDurationMillis(600_000).build());
    Collection collection = simulator.dataset().organization("org-001").orElseThrow();
    definition = simulator.buildDefinitions(collection).get(0);
    project = definition.project().name();
    org = Organization.services(AzureDevOpsEndpoints.allAt(simulator.baseUri()), "org-001");
    HttpTransport standard = RetryingTransport.standard();
    http =
        new AzureDevOpsHttp(
            request -> {
              sent.add(request);
              return standard.send(request);
            },
            PatCredential.of(Secret.of(simulator.config().pat()), false));
    builds = new BuildsClient(http);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void clear() {
    simulator.completeBuilds();
    sent.clear();
  }

  @Test
  void listsDefinitionsWithTheirRepositoryAndResolvesANameToItsId() {
    List<BuildDefinition> all = builds.definitions(org, project, Optional.empty()).toList();
    assertThat(all).extracting(BuildDefinition::name).contains(definition.name());
    BuildDefinition first = all.get(0);
    assertThat(first.repository().name()).isEqualTo(definition.repository().name());
    assertThat(first.repository().defaultBranch())
        .isEqualTo(definition.repository().defaultBranch());
    assertThat(sent.get(0).scope()).isEqualTo(AccessScope.BUILD_READ);
    assertThat(query(sent.get(0))).containsEntry("includeAllProperties", "true");

    sent.clear();
    assertThat(projectBuilds().definitionId(definition.name().toLowerCase()))
        .isEqualTo(definition.id());
    assertThat(query(sent.get(0))).containsEntry("name", definition.name().toLowerCase());
    sent.clear();
    assertThat(projectBuilds().definitionId(" 42 ")).isEqualTo(42);
    assertThat(sent).as("an id needs no lookup").isEmpty();
  }

  @Test
  void anAmbiguousNameListsEachMatchWithItsIdAndFolder() {
    String prefix = definition.repository().name();
    assertThatThrownBy(() -> projectBuilds().definitionId(prefix + "*"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 build definitions in org-001/" + project + " are named")
        .hasMessageContaining(prefix + "-CI (id " + definition.id() + ")")
        .hasMessageContaining(prefix + "-nightly (id ")
        .hasMessageContaining("folder \\scheduled")
        .satisfies(e -> assertThat(((InvalidInputException) e).hint()).contains("id"));
  }

  @Test
  void anUnknownNameIsNotFoundListingTheDefinitionsThatExist() {
    assertThatThrownBy(() -> projectBuilds().definitionId("no-such-CI"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(
            "No build definition in org-001/" + project + " is named 'no-such-CI'")
        .hasMessageContaining("these exist: ")
        .hasMessageContaining(definition.name() + " (id " + definition.id() + ")")
        .satisfies(e -> assertThat(((NotFoundException) e).hint()).doesNotContain("ado-connect"));
  }

  @Test
  void queuesWithParametersAsAJsonStringAndTemplateParametersAsAnObject() throws Exception {
    Build queued =
        builds.queue(
            org,
            project,
            QueueBuildInput.of(definition.id())
                .withBranch("feature/search")
                .withParameter("BuildConfiguration", "debug")
                .withTemplateParameter("environment", "staging"));

    assertThat(queued.status()).isEqualTo(BuildStatus.NOT_STARTED);
    assertThat(queued.result()).isNull();
    assertThat(queued.sourceBranch()).isEqualTo("refs/heads/feature/search");
    assertThat(queued.definition().id()).isEqualTo(definition.id());
    assertThat(queued.templateParameters()).containsEntry("environment", "staging");
    assertThat(queued.webUrl()).endsWith("buildId=" + queued.id());
    ApiRequest post = sent.get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.scope()).isEqualTo(AccessScope.BUILD_EXECUTE);
    assertThat(post.uri().getRawPath()).endsWith("/_apis/build/builds");
    JsonNode body = Json.MAPPER.readTree(post.body());
    JsonNode fixture = fixture("build-queue-request.json");
    assertThat(body.path("definition").path("id").asInt()).isEqualTo(definition.id());
    assertThat(body.path("parameters").isTextual())
        .isEqualTo(fixture.path("parameters").isTextual())
        .isTrue();
    assertThat(
            Json.MAPPER
                .readTree(body.path("parameters").asText())
                .path("BuildConfiguration")
                .asText())
        .isEqualTo("debug");
    assertThat(body.path("templateParameters").path("environment").asText()).isEqualTo("staging");

    assertThat(builds.get(org, project, queued.id()).buildNumber()).isEqualTo(queued.buildNumber());
  }

  @Test
  void unknownDefinitionBuildOrBranchSayWhatWasMissing() {
    assertThatThrownBy(() -> builds.queue(org, project, QueueBuildInput.of(9999)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Build definition 9999")
        .hasMessageContaining("org-001/" + project);
    assertThatThrownBy(
            () ->
                builds.queue(org, project, QueueBuildInput.of(definition.id()).withBranch("nope")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("refs/heads/nope");
    assertThatThrownBy(() -> builds.get(org, project, 99999))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Build 99999");
    assertThatThrownBy(() -> builds.get(org, "No Such Project", 1))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("project 'No Such Project'");
  }

  @Test
  void listsNewestFirstFilteredByDefinitionAndBranchUpToTop() {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(builds.queue(org, project, QueueBuildInput.of(definition.id())).id());
    }
    int onBranch =
        builds
            .queue(
                org, project, QueueBuildInput.of(definition.id()).withBranch("feature/login-page"))
            .id();
    sent.clear();

    List<Build> latest =
        builds.list(org, project, BuildQuery.latest().withDefinition(definition.id()).withTop(3));
    assertThat(latest).extracting(Build::id).containsExactly(onBranch, ids.get(2), ids.get(1));
    assertThat(query(sent.get(0)))
        .containsEntry("definitions", Integer.toString(definition.id()))
        .containsEntry("$top", "3")
        .containsEntry("queryOrder", "queueTimeDescending");

    assertThat(
            builds.list(
                org,
                project,
                BuildQuery.latest()
                    .withDefinition(definition.id())
                    .withBranch("feature/login-page")))
        .extracting(Build::id)
        .startsWith(onBranch)
        .allSatisfy(id -> assertThat(id).isNotIn(ids));
  }

  @Test
  void aForbiddenQueueNamesTheExecuteScope() {
    simulator.failNext("/org-001/", 403, 1);
    assertThatThrownBy(() -> builds.queue(org, project, QueueBuildInput.of(definition.id())))
        .isInstanceOf(AccessDeniedException.class)
        .satisfies(
            e ->
                assertThat(((AccessDeniedException) e).hint())
                    .contains("Build (Read & execute)")
                    .contains("vso.build_execute"));
  }

  @Test
  void theWatcherReportsEachStateAndReturnsTheCompletedBuildWithoutSleeping() {
    int id = builds.queue(org, project, QueueBuildInput.of(definition.id())).id();
    List<Duration> waits = new ArrayList<>();
    // Each "sleep" moves the simulated build on instead of waiting.
    Poller poller =
        new Poller(
            d -> {
              waits.add(d);
              if (waits.size() == 2) {
                simulator.startBuilds();
              } else if (waits.size() == 4) {
                simulator.completeBuilds();
              }
            },
            Clock.systemUTC());
    List<String> states = new ArrayList<>();

    Build done = projectBuilds(poller).await(id, Duration.ofMinutes(5), b -> states.add(b.state()));

    assertThat(done.result()).isEqualTo(BuildResult.SUCCEEDED);
    assertThat(states).containsExactly("notStarted", "inProgress", "completed/succeeded");
    assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(waits.get(1)).as("backs off while nothing changes").isGreaterThan(waits.get(0));
    assertThat(waits.get(2)).as("back to 1 s after a change").isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aFailedBuildIsReturnedWithItsResult() {
    simulator.failNextBuild();
    int id = builds.queue(org, project, QueueBuildInput.of(definition.id())).id();
    Poller poller = new Poller(d -> simulator.completeBuilds(), Clock.systemUTC());
    Build done = projectBuilds(poller).await(id, Duration.ofMinutes(1), b -> {});
    assertThat(done.result()).isEqualTo(BuildResult.FAILED);
  }

  @Test
  void pastTheTimeoutTheWatcherGivesUpSayingHowToFollowTheBuild() {
    int id = builds.queue(org, project, QueueBuildInput.of(definition.id())).id();
    SteppedClock clock = new SteppedClock();
    Poller poller = new Poller(clock::advance, clock);
    assertThatThrownBy(() -> projectBuilds(poller).await(id, Duration.ofSeconds(30), b -> {}))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("Build " + id)
        .satisfies(
            e ->
                assertThat(((WaitTimeoutException) e).hint())
                    .contains("goes on in Azure DevOps")
                    .contains("buildId=" + id)
                    .doesNotContain("ado-connect"));
    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aQueuedBuildHasNoLogsYetAndAFailedOneShowsItsErrorInTheTail() {
    int waiting = builds.queue(org, project, QueueBuildInput.of(definition.id())).id();
    assertThat(projectBuilds().logs(waiting)).isEmpty();
    assertThatThrownBy(() -> projectBuilds().lines(waiting, 1, 1, 10))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("has no log 1; it has no logs yet.");

    simulator.failNextBuild();
    int failed = builds.queue(org, project, QueueBuildInput.of(definition.id())).id();
    simulator.completeBuilds();
    List<BuildLog> logs = projectBuilds().logs(failed);
    assertThat(logs).extracting(BuildLog::id).containsExactly(1, 2, 3, 4);
    assertThat(logs).allSatisfy(log -> assertThat(log.lineCount()).isPositive());
    BuildLog step = logs.get(2);

    BuildLogLines tail = projectBuilds().tail(failed, step.id(), 3);

    assertThat(tail.lines()).hasSize(3);
    assertThat(tail.startLine()).isEqualTo(step.lineCount() - 2);
    assertThat(tail.nextStartLine()).isNull();
    assertThat(String.join("\n", tail.lines())).contains("##[error]");
  }

  @Test
  void linesArePagedAndAStartPastTheEndGivesNone() {
    int id = builds.queue(org, project, QueueBuildInput.of(definition.id())).id();
    simulator.completeBuilds();
    BuildLog first = projectBuilds().logs(id).get(0);
    sent.clear();

    BuildLogLines page = projectBuilds().lines(id, first.id(), 1, 2);

    assertThat(page.lines()).hasSize(2);
    assertThat(page.lines().get(0)).contains("Starting: Initialize job");
    assertThat(page.nextStartLine()).isEqualTo(3);
    assertThat(query(sent.get(1))).containsEntry("startLine", "1").containsEntry("endLine", "2");
    BuildLogLines rest = projectBuilds().lines(id, first.id(), 3, 1000);
    assertThat(rest.lines()).hasSize(first.lineCount() - 2);
    assertThat(rest.nextStartLine()).isNull();
    assertThat(projectBuilds().lines(id, first.id(), first.lineCount() + 1, 10).lines()).isEmpty();
    assertThatThrownBy(() -> projectBuilds().lines(id, first.id(), 0, 10))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> projectBuilds().logs(999_999))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Build 999999 was not found");
  }

  @Test
  void readsMicrosoftsBuildExample() throws Exception {
    Build build = Json.MAPPER.treeToValue(fixture("build.json"), Build.class);
    assertThat(build.id()).isEqualTo(391);
    assertThat(build.status()).isEqualTo(BuildStatus.COMPLETED);
    assertThat(build.result()).isEqualTo(BuildResult.SUCCEEDED);
    assertThat(build.definition().name()).isEqualTo("VsoBuildApi");
    assertThat(build.requestedFor().displayName()).isEqualTo("Normal Paulk");
    assertThat(build.finishTime()).isEqualTo(Instant.parse("2015-07-16T19:54:41.7842973Z"));
    assertThat(build.webUrl()).contains("buildId=391");
    assertThat(BuildStatus.of("somethingNew")).isEqualTo(BuildStatus.UNKNOWN);
  }

  private static ProjectBuilds projectBuilds() {
    return projectBuilds(new Poller(d -> {}, Clock.systemUTC()));
  }

  private static ProjectBuilds projectBuilds(Poller poller) {
    return new ProjectBuilds(new ProjectScope(http, org, project), poller);
  }

  /** A clock that moves only when the poller "sleeps". */
  private static final class SteppedClock extends Clock {
    private final Instant start = Instant.parse("2025-01-01T00:00:00Z");
    private Duration elapsed = Duration.ZERO;

    void advance(Duration by) {
      elapsed = elapsed.plus(by);
    }

    Duration elapsed() {
      return elapsed;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return start.plus(elapsed);
    }
  }

  static JsonNode fixture(String name) throws Exception {
    try (InputStream in = BuildsClientTest.class.getResourceAsStream("/fixtures/" + name)) {
      return Json.MAPPER.readTree(in);
    }
  }

  static Map<String, String> query(ApiRequest request) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = request.uri().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }
}
