package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code prs list|get|create|update|complete|abandon|comment|threads|status}. */
class PrsCommandTest extends CliTestBase {
  private Repository repo;
  private String path;
  private String accountId;

  @BeforeEach
  void connect() {
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    repo =
        org.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    path = org.name() + "/" + repo.project().name() + "/" + repo.name();
    accountId = cli.connectedAccount("--org", "org-001");
  }

  private String main() {
    return repo.defaultBranch().substring("refs/heads/".length());
  }

  private int create(String source, String title) {
    JsonNode pr =
        cli.run(
                "prs",
                "create",
                path,
                "--source",
                source,
                "--target",
                main(),
                "--title",
                title,
                "--json")
            .assertOk()
            .json();
    return pr.path("pullRequestId").asInt();
  }

  @Test
  void openReviewCommentAndCompleteAPullRequest() {
    SimulatedUser alex = simulator.people().all().get(1);
    Cli.Run created =
        cli.run(
                "prs",
                "create",
                path,
                "--source",
                "feature/search",
                "--target",
                "refs/heads/" + main(),
                "--title",
                "Search",
                "--description",
                "Adds search",
                "--reviewer",
                alex.emailAddress())
            .assertOk();
    assertThat(created.out())
        .contains("Pull request 1: Search")
        .contains("feature/search → " + main())
        .contains(alex.displayName());
    String id = "1";

    Cli.Run list = cli.run("prs", "list", path).assertOk();
    assertThat(list.out()).contains("ID").contains("Search").contains("active");
    JsonNode reviewed =
        cli.run("prs", "list", path, "--reviewer", alex.emailAddress(), "--json").assertOk().json();
    assertThat(reviewed).hasSize(1);

    cli.run("prs", "update", path, id, "--title", "Search, faster").assertOk();
    assertThat(cli.run("prs", "get", path, id, "--json").assertOk().json().path("title").asText())
        .isEqualTo("Search, faster");

    JsonNode thread =
        cli.run("prs", "comment", path, id, "--text", "Looks good", "--json").assertOk().json();
    cli.run("prs", "comment", path, id, "--text", "Thanks", "--thread", thread.path("id").asText())
        .assertOk();
    Cli.Run threads = cli.run("prs", "threads", path, id).assertOk();
    assertThat(threads.out()).contains("Looks good").contains("↳").contains("Thanks");

    cli.run("prs", "status", "post", path, id, "--state", "succeeded", "--context", "ci")
        .assertOk();
    assertThat(cli.run("prs", "status", "list", path, id).assertOk().out())
        .contains("succeeded")
        .contains("ci");

    JsonNode done =
        cli.run("prs", "complete", path, id, "--merge-strategy", "squash", "--json")
            .assertOk()
            .json();
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(cli.run("prs", "list", path, "--status", "completed", "--json").assertOk().json())
        .hasSize(1);
    cli.run("prs", "list", path).assertOk();
  }

  @Test
  void createIsIdempotentAndAbandonCloses() {
    int first = create("feature/search", "One");
    int again = create("refs/heads/feature/search", "One again");
    assertThat(again).isEqualTo(first);

    cli.run("prs", "abandon", path, Integer.toString(first)).assertOk();
    JsonNode all =
        cli.run("prs", "list", path, "--status", "all", "--top", "5", "--json").assertOk().json();
    assertThat(all.get(0).path("status").asText()).isEqualTo("abandoned");
  }

  @Test
  void badInputExitsTwoWithAHint() {
    create("feature/search", "One");
    Cli.Run stranger = cli.run("prs", "update", path, "1", "--add-reviewer", "nobody@example.com");
    stranger.assertExit(2);
    assertThat(stranger.err()).contains("nobody@example.com").contains("hint:");

    cli.run("prs", "complete", path, "1", "--merge-strategy", "octopus").assertExit(2);
    cli.run("prs", "list", path, "--status", "open").assertExit(2);
    Cli.Run missing = cli.run("prs", "get", path, "99");
    assertThat(missing.err()).contains("99").contains("hint:");
  }

  @Test
  void creatingAgainSaysThePullRequestIsAlreadyOpen() {
    int first = create("feature/search", "One");

    Cli.Run again =
        cli.run(
                "prs",
                "create",
                path,
                "--source",
                "feature/search",
                "--target",
                main(),
                "--title",
                "Two")
            .assertOk();
    assertThat(again.out())
        .startsWith("A pull request for these branches is already open: #" + first + " One")
        .contains("Pull request " + first + ": One");

    Cli.Run json =
        cli.run(
                "prs",
                "create",
                path,
                "--source",
                "feature/search",
                "--target",
                main(),
                "--title",
                "Two",
                "--json")
            .assertOk();
    assertThat(json.json().path("pullRequestId").asInt()).isEqualTo(first);
    assertThat(json.err()).contains("already open: #" + first);
  }

  @Test
  void aMissingBranchIsNamed() {
    Cli.Run source =
        cli.run(
                "prs",
                "create",
                path,
                "--source",
                "feature/nope",
                "--target",
                main(),
                "--title",
                "X")
            .assertExit(2);
    assertThat(source.err())
        .contains("The source branch refs/heads/feature/nope does not exist")
        .doesNotContain("refs/heads/" + main() + " does not exist")
        .contains("ado-connect branches");
    Cli.Run target =
        cli.run(
                "prs",
                "create",
                path,
                "--source",
                "feature/search",
                "--target",
                "nope",
                "--title",
                "X")
            .assertExit(2);
    assertThat(target.err()).contains("The target branch refs/heads/nope does not exist");
  }

  @Test
  void theAccountCanBeNamedOnEveryPullRequestCommand() {
    create("feature/search", "One");
    assertThat(cli.run("prs", "list", path, "--account", accountId, "--json").assertOk().json())
        .hasSize(1);
    Cli.Run unknown = cli.run("prs", "get", path, "1", "--account", "nope").assertExit(2);
    assertThat(unknown.err()).contains("'nope'").contains("ado-connect accounts");

    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    CommandLine root =
        Main.commandLine(
            new CliContext(
                sink, sink, new ByteArrayInputStream(new byte[0]), Map.of(), false, null, null));
    List<String> without = new ArrayList<>();
    List<CommandLine> commands =
        new ArrayList<>(root.getSubcommands().get("prs").getSubcommands().values());
    commands.add(root.getSubcommands().get("hooks").getSubcommands().get("subscribe"));
    while (!commands.isEmpty()) {
      CommandLine command = commands.remove(0);
      if (!command.getSubcommands().isEmpty()) {
        commands.addAll(command.getSubcommands().values());
      } else if (command.getCommandSpec().findOption("--account") == null) {
        without.add(command.getCommandSpec().qualifiedName());
      }
    }
    assertThat(without).isEmpty();
  }

  @Test
  void diffPrintsTheUnifiedDiffOrTheChangedFiles() {
    // Its own branch: the other tests' pull requests are from feature/search.
    int id = create("feature/login-page", "Login page");

    Cli.Run diff = cli.run("prs", "diff", path, Integer.toString(id)).assertOk();
    assertThat(diff.out()).contains("--- /dev/null\n+++ b/CHANGES.md\n@@ -0,0 +1,");

    Cli.Run stat = cli.run("prs", "diff", path, Integer.toString(id), "--stat").assertOk();
    assertThat(stat.out()).startsWith("CHANGE").contains("add").contains("/CHANGES.md");

    JsonNode json =
        cli.run("prs", "diff", path, Integer.toString(id), "--path", "/CHANGES.md", "--json")
            .assertOk()
            .json();
    assertThat(json.path("files")).hasSize(1);
    assertThat(json.path("files").get(0).path("patch").asText()).contains("+++ b/CHANGES.md");

    Cli.Run limited =
        cli.run("prs", "diff", path, Integer.toString(id), "--max-files", "1").assertOk();
    assertThat(limited.err()).contains("note: Showing 1 of ");
    cli.run("prs", "abandon", path, Integer.toString(id)).assertOk();
  }
}
