package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.build.BuildDefinition;
import io.adoconnect.simulator.data.Collection;
import org.junit.jupiter.api.Test;

/** {@code builds definitions|queue|get|list} and {@code pipelines list|run|get}. */
class BuildsCommandsTest extends CliTestBase {

  @Override
  protected SimulatorConfig simulatorConfig() {
    // Builds complete as soon as they are looked at: --wait returns at its first poll.
    return SimulatorConfig.builder().buildDurationMillis(0).build();
  }

  private BuildDefinition definition(Collection collection) {
    return simulator.buildDefinitions(collection).get(0);
  }

  private BuildDefinition services() {
    cli.connectedAccount("--org", "org-001");
    return definition(simulator.dataset().organization("org-001").orElseThrow());
  }

  private static String project(String org, BuildDefinition d) {
    return org + "/" + d.project().name();
  }

  @Test
  void listsDefinitionsWithTheirRepositoriesAndFiltersByName() {
    BuildDefinition d = services();
    String project = project("org-001", d);
    Cli.Run table = cli.run("builds", "definitions", project).assertOk();
    assertThat(table.out())
        .contains("REPOSITORY")
        .contains(d.name())
        .contains(d.repository().name())
        .contains(d.repository().defaultBranch());

    JsonNode json =
        cli.run("builds", "definitions", project, "--name", d.repository().name() + "*", "--json")
            .assertOk()
            .json();
    assertThat(json).hasSize(2);
    assertThat(json.get(0).path("id").asInt()).isEqualTo(d.id());
    assertThat(json.get(0).path("repository").path("name").asText())
        .isEqualTo(d.repository().name());
  }

  @Test
  void queuesByNameWithParametersThenGetsAndListsTheBuild() {
    BuildDefinition d = services();
    String project = project("org-001", d);
    JsonNode queued =
        cli.run(
                "builds",
                "queue",
                project,
                "--definition",
                d.name(),
                "--branch",
                "feature/search",
                "--parameter",
                "BuildConfiguration=Release",
                "--json")
            .assertOk()
            .json();
    int id = queued.path("id").asInt();
    assertThat(queued.path("status").asText()).isEqualTo("notStarted");
    assertThat(queued.path("sourceBranch").asText()).isEqualTo("refs/heads/feature/search");
    assertThat(queued.path("parameters").asText()).contains("\"BuildConfiguration\":\"Release\"");

    Cli.Run got = cli.run("builds", "get", project, Integer.toString(id)).assertOk();
    assertThat(got.out())
        .contains("Build " + id)
        .contains("completed/succeeded")
        .contains(d.name());

    JsonNode listed =
        cli.run("builds", "list", project, "--definition", d.name(), "--top", "1", "--json")
            .assertOk()
            .json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("id").asInt()).isEqualTo(id);
    Cli.Run table = cli.run("builds", "list", project, "--branch", "feature/search").assertOk();
    assertThat(table.out()).contains("RESULT").contains(Integer.toString(id)).contains("succeeded");
  }

  @Test
  void queueWaitShowsProgressOnStderrAndTheResultOnStdout() {
    BuildDefinition d = services();
    Cli.Run run =
        cli.run(
                "builds",
                "queue",
                project("org-001", d),
                "--definition",
                Integer.toString(d.id()),
                "--wait",
                "--timeout",
                "2m")
            .assertOk();
    assertThat(run.err()).contains("waiting").contains("completed/succeeded");
    assertThat(run.out()).startsWith("Completed").contains("completed/succeeded");
  }

  @Test
  void aFailedBuildExitsOneShowingTheResult() {
    BuildDefinition d = services();
    simulator.failNextBuild();
    Cli.Run run =
        cli.run("builds", "queue", project("org-001", d), "--definition", d.name(), "--wait");
    run.assertExit(1);
    assertThat(run.out()).contains("completed/failed");
    JsonNode json;
    simulator.failNextBuild();
    json =
        cli.invocation()
            .run(
                "builds",
                "queue",
                project("org-001", d),
                "--definition",
                d.name(),
                "--wait",
                "--json")
            .assertExit(1)
            .json();
    assertThat(json.path("result").asText()).isEqualTo("failed");
  }

  @Test
  void ambiguousOrUnknownDefinitionsAndBranchesAreBadInput() {
    BuildDefinition d = services();
    String project = project("org-001", d);
    Cli.Run ambiguous =
        cli.run("builds", "queue", project, "--definition", d.repository().name() + "*");
    ambiguous.assertExit(2);
    assertThat(ambiguous.err()).contains(d.name()).contains("-nightly").contains("hint:");

    Cli.Run unknown = cli.run("builds", "queue", project, "--definition", "no-such-CI");
    unknown.assertExit(2);
    assertThat(unknown.err())
        .contains("is named 'no-such-CI'; these exist: ")
        .contains(d.name() + " (id " + d.id() + ")")
        .doesNotContain("--");

    Cli.Run branch =
        cli.run("builds", "queue", project, "--definition", d.name(), "--branch", "does-not-exist");
    branch.assertExit(2);
    assertThat(branch.err()).contains("refs/heads/does-not-exist").contains("hint:");

    cli.run("builds", "get", project, "99999").assertExit(2);
    cli.run("builds", "queue", project, "--definition", d.name(), "--wait", "--timeout", "soon")
        .assertExit(2);
  }

  @Test
  void runsAPipelineOnAServer2020CollectionAndGetsTheRun() {
    cli.connect("--server", cli.base() + "/tfs", "--collection", "DefaultCollection").assertOk();
    BuildDefinition d = definition(simulator.dataset().serverCollection());
    String project = project("DefaultCollection", d);

    Cli.Run list = cli.run("pipelines", "list", project).assertOk();
    assertThat(list.out()).contains("FOLDER").contains(d.name());

    Cli.Run run =
        cli.run(
                "pipelines",
                "run",
                project,
                d.name(),
                "--branch",
                "feature/login-page",
                "--variable",
                "Config=Release",
                "--parameter",
                "environment=staging",
                "--wait")
            .assertOk();
    assertThat(run.err()).contains("completed/succeeded");
    assertThat(run.out()).contains("refs/heads/feature/login-page");

    JsonNode started =
        cli.run("pipelines", "run", project, Integer.toString(d.id()), "--json").assertOk().json();
    int runId = started.path("id").asInt();
    JsonNode got =
        cli.run("pipelines", "get", project, d.name(), Integer.toString(runId), "--json")
            .assertOk()
            .json();
    assertThat(got.path("state").asText()).isEqualTo("completed");
    assertThat(got.path("pipeline").path("id").asInt()).isEqualTo(d.id());
    cli.run("pipelines", "get", project, d.name(), "99999").assertExit(2);
  }

  @Test
  void logsPrintEveryStepInOrderOrTheTailOfOne() {
    BuildDefinition d = services();
    simulator.failNextBuild();
    String id =
        cli.invocation()
            .run(
                "builds",
                "queue",
                project("org-001", d),
                "--definition",
                d.name(),
                "--wait",
                "--json")
            .assertExit(1)
            .json()
            .path("id")
            .asText();

    Cli.Run all = cli.run("builds", "logs", project("org-001", d), id).assertOk();
    assertThat(all.out())
        .contains("==> log 1 (")
        .contains("Starting: Initialize job")
        .contains("##[error]");
    assertThat(all.out().indexOf("==> log 1 ")).isLessThan(all.out().indexOf("==> log 4 "));

    Cli.Run tail =
        cli.run("builds", "logs", project("org-001", d), id, "--log", "3", "--tail", "2")
            .assertOk();
    assertThat(tail.out().lines().toList()).hasSize(2);
    assertThat(tail.out()).contains("Finishing: Build").doesNotContain("==> log");

    JsonNode listed =
        cli.invocation()
            .run("builds", "logs", project("org-001", d), id, "--list", "--json")
            .assertOk()
            .json();
    assertThat(listed).hasSize(4);
    assertThat(listed.get(2).path("lineCount").asInt()).isPositive();

    cli.run("builds", "logs", project("org-001", d), id, "--log", "9").assertExit(ExitCodes.USAGE);
  }

  @Test
  void everyLeafHasHelpAndJson() {
    for (String[] leaf :
        new String[][] {
          {"builds", "definitions"},
          {"builds", "queue"},
          {"builds", "get"},
          {"builds", "list"},
          {"builds", "logs"},
          {"pipelines", "list"},
          {"pipelines", "run"},
          {"pipelines", "get"}
        }) {
      Cli.Run help = cli.run(leaf[0], leaf[1], "--help").assertOk();
      assertThat(help.out()).as(String.join(" ", leaf)).contains("--json");
    }
  }
}
