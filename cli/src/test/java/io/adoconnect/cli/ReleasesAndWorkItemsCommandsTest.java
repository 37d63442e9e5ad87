package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code releases definitions|create|get|list} and {@code workitems …}. */
class ReleasesAndWorkItemsCommandsTest extends CliTestBase {
  private Repository repo;
  private String project;

  @Override
  protected SimulatorConfig simulatorConfig() {
    // Stages finish at once, so --wait sees a finished release without anyone waiting.
    return SimulatorConfig.builder().releaseStageSeconds(0).build();
  }

  @BeforeEach
  void connect() {
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    repo = org.repositories().get(0);
    project = "org-001/" + repo.project().name();
    cli.connectedAccount("--org", "org-001");
  }

  @Test
  void listsDefinitionsWithTheirStages() {
    Cli.Run table = cli.run("releases", "definitions", project).assertOk();
    assertThat(table.out())
        .contains("STAGES")
        .contains(repo.name() + "-Release")
        .contains("Dev → Staging → Production");
    JsonNode json = cli.run("releases", "definitions", project, "--json").assertOk().json();
    assertThat(json.get(0).path("environments")).hasSize(3);
  }

  @Test
  void createsAReleaseByDefinitionNameAndWaitsForItsStages() {
    Cli.Run run =
        cli.run(
                "releases",
                "create",
                project,
                "--definition",
                repo.name() + "-Release",
                "--description",
                "from the CLI",
                "--wait")
            .assertOk();
    assertThat(run.err())
        .contains("Created Release-")
        .contains("Dev: succeeded")
        .contains("Staging: succeeded")
        .contains("Production: succeeded");
    String id = run.out().split(" ")[0];

    Cli.Run get = cli.run("releases", "get", project, id).assertOk();
    assertThat(get.out()).contains("STAGE").contains("Production").contains("succeeded");
    JsonNode list = cli.run("releases", "list", project, "--top", "1", "--json").assertOk().json();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("description").asText()).isEqualTo("from the CLI");
  }

  @Test
  void anUnknownDefinitionOrReleaseIsBadInputWithAHint() {
    Cli.Run run = cli.run("releases", "create", project, "--definition", "no-such-definition");
    run.assertExit(2);
    assertThat(run.err())
        .contains("is named 'no-such-definition'; these exist: ")
        .contains(repo.name() + "-Release (id ")
        .contains("hint:");
    cli.run("releases", "get", project, "4242").assertExit(2);
  }

  @Test
  void queriesWorkItemsWithWiqlAndChosenFields() {
    Cli.Run table =
        cli.run(
                "workitems",
                "query",
                project,
                "--wiql",
                "SELECT [System.Id], [System.Title], [System.State] FROM WorkItems WHERE"
                    + " [System.TeamProject] = @project ORDER BY [System.Id] DESC",
                "--top",
                "3")
            .assertOk();
    assertThat(table.out()).contains("TITLE").contains("STATE");
    assertThat(table.out().lines().count()).isEqualTo(4);

    JsonNode json =
        cli.run(
                "workitems",
                "query",
                project,
                "--wiql",
                "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND"
                    + " [System.WorkItemType] = 'Bug'",
                "--fields",
                "Title,System.WorkItemType",
                "--json")
            .assertOk()
            .json();
    assertThat(json).isNotEmpty();
    json.forEach(
        item ->
            assertThat(item.path("fields").path("System.WorkItemType").asText()).isEqualTo("Bug"));
  }

  @Test
  void createsUpdatesCommentsAndReadsAWorkItem() {
    JsonNode created =
        cli.run(
                "workitems",
                "create",
                project,
                "--type",
                "Bug",
                "--title",
                "Crash on save",
                "--field",
                "Priority=1",
                "--json")
            .assertOk()
            .json();
    String id = created.path("id").asText();

    Cli.Run updated =
        cli.run(
                "workitems",
                "update",
                "org-001",
                id,
                "--field",
                "State=Active",
                "--expect-rev",
                "1")
            .assertOk();
    assertThat(updated.out()).contains("rev 2");
    Cli.Run stale =
        cli.run("workitems", "update", "org-001", id, "--field", "Title=x", "--expect-rev", "1");
    // A conflict is its own exit code (it was 1, "a bug"), and the hint names the revision now.
    stale.assertExit(5);
    assertThat(stale.err())
        .contains("changed since revision 1 (it is at revision 2 now)")
        .contains("hint:")
        .contains("revision 2");

    cli.run("workitems", "comment", project, id, "--text", "Seen on Windows too").assertOk();
    assertThat(cli.run("workitems", "comments", project, id).assertOk().out())
        .contains("Seen on Windows too");

    Cli.Run get = cli.run("workitems", "get", "org-001", id, "--fields", "Title,State").assertOk();
    assertThat(get.out()).contains("Crash on save").contains("Active").doesNotContain("System.Rev");
  }

  @Test
  void badFieldsAndMissingItemsAreBadInput() {
    cli.run("workitems", "update", "org-001", "1", "--field", "Colour=blue").assertExit(2);
    Cli.Run missing = cli.run("workitems", "get", "org-001", "999999");
    missing.assertExit(2);
    assertThat(missing.err()).contains("999999");
  }

  @Test
  void everyProjectAndWorkItemCommandNamesItsAccount() {
    String services = cli.connectedAccount("--org", "org-001");
    String server =
        cli.connectedAccount("--server", cli.base() + "/tfs", "--collection", "DefaultCollection");
    for (String[] leaf :
        new String[][] {
          {"builds", "definitions"},
          {"builds", "queue"},
          {"builds", "get"},
          {"builds", "list"},
          {"pipelines", "list"},
          {"pipelines", "run"},
          {"pipelines", "get"},
          {"releases", "definitions"},
          {"releases", "create"},
          {"releases", "get"},
          {"releases", "list"},
          {"workitems", "query"},
          {"workitems", "get"},
          {"workitems", "create"},
          {"workitems", "update"},
          {"workitems", "comment"},
          {"workitems", "comments"}
        }) {
      assertThat(cli.run(leaf[0], leaf[1], "--help").assertOk().out())
          .as(String.join(" ", leaf))
          .contains("--account");
    }

    cli.run("releases", "definitions", project, "--account", services).assertOk();
    Cli.Run wrong = cli.run("releases", "definitions", project, "--account", server);
    wrong.assertExit(2);
    assertThat(wrong.err()).contains("does not reach 'org-001'");
    JsonNode created =
        cli.run(
                "workitems",
                "create",
                project,
                "--type",
                "Task",
                "--title",
                "t",
                "--account",
                services,
                "--json")
            .assertOk()
            .json();
    cli.run("workitems", "get", "org-001", created.path("id").asText(), "--account", services)
        .assertOk();
    cli.run("workitems", "get", "org-001", created.path("id").asText(), "--account", server)
        .assertExit(2);
  }
}
