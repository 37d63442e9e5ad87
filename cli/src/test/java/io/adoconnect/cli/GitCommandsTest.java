package io.adoconnect.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code branches}, {@code files get|list} and {@code status post|list}. */
class GitCommandsTest extends CliTestBase {
  private Repository repo;
  private String path;

  @BeforeEach
  void connect() {
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    repo =
        org.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .filter(r -> r.project().name().contains(" ") || r.name().contains(" "))
            .findFirst()
            .or(
                () ->
                    org.repositories().stream()
                        .filter(Repository::cloneable)
                        .filter(r -> r.defaultBranch() != null)
                        .findFirst())
            .orElseThrow();
    path = org.name() + "/" + repo.project().name() + "/" + repo.name();
    cli.connectedAccount("--org", "org-001");
  }

  private String defaultBranch() {
    return repo.defaultBranch().substring("refs/heads/".length());
  }

  private String commitOf(String branch) {
    for (JsonNode ref : cli.run("branches", path, "--json").assertOk().json()) {
      if (ref.path("name").asText().equals("refs/heads/" + branch)) {
        return ref.path("objectId").asText();
      }
    }
    throw new AssertionError("no branch " + branch);
  }

  @Test
  void listsBranchesAsATableAndAsJson() {
    Cli.Run table = cli.run("branches", path).assertOk();
    assertThat(table.out())
        .contains("BRANCH")
        .contains(defaultBranch())
        .contains("feature/search")
        .contains("feature/login-page");

    JsonNode json = cli.run("branches", path, "--json").assertOk().json();
    assertThat(json).hasSize(3);
    List<String> names = new ArrayList<>();
    json.forEach(
        ref -> {
          names.add(ref.path("name").asText());
          assertThat(ref.path("objectId").asText()).matches("[0-9a-f]{40}");
          // The table's BRANCH column, in the JSON too.
          assertThat("refs/heads/" + ref.path("branch").asText())
              .isEqualTo(ref.path("name").asText());
        });
    assertThat(names).contains("refs/heads/" + defaultBranch(), "refs/heads/feature/search");
  }

  @Test
  void branchesOfAnUnknownRepositoryIsBadInputWithAHint() {
    Cli.Run run = cli.run("branches", "org-001/" + repo.project().name() + "/no-such-repo");
    run.assertExit(2);
    assertThat(run.err()).contains("hint:");
  }

  @Test
  void getsAFileOnTheDefaultBranchAndOnARef() {
    Cli.Run onDefault = cli.run("files", "get", path, "README.md").assertOk();
    assertThat(onDefault.out()).contains(repo.name()).contains("branch " + defaultBranch());

    Cli.Run onRef =
        cli.run("files", "get", path, "/CHANGES.md", "--ref", "feature/login-page").assertOk();
    assertThat(onRef.out()).contains("feature/login-page");

    com.fasterxml.jackson.databind.JsonNode json =
        cli.run("files", "get", path, "README.md", "--json").json();
    assertThat(json.path("encoding").asText()).isEqualTo("utf-8");
    assertThat(json.path("content").asText()).isEqualTo(onDefault.out());
    assertThat(json.path("size").asInt()).isEqualTo(onDefault.out().getBytes(UTF_8).length);
  }

  @Test
  void listsAFolderAndEverythingBeneathOnARef() {
    Cli.Run root = cli.run("files", "list", path).assertOk();
    assertThat(root.out().lines().toList())
        .containsExactly("TYPE    PATH", "file    /README.md", "folder  /src");

    Cli.Run src = cli.run("files", "list", path, "src").assertOk();
    assertThat(src.out()).contains("/src/hello.txt").doesNotContain("README");

    JsonNode full =
        cli.run("files", "list", path, "/", "--ref", "feature/search", "--recursive", "--json")
            .assertOk()
            .json();
    assertThat(full)
        .extracting(i -> i.path("path").asText())
        .containsExactly("/CHANGES.md", "/README.md", "/src", "/src/hello.txt");
    assertThat(full.get(2).path("isFolder").asBoolean()).isTrue();
    assertThat(full.get(0).path("commitId").asText()).matches("[0-9a-f]{40}");

    Cli.Run missing = cli.run("files", "list", path, "docs", "--ref", "feature/search");
    missing.assertExit(2);
    assertThat(missing.err()).contains("'docs'").contains("feature/search").contains("hint:");
  }

  @Test
  void anUnknownFileIsBadInputNamingPathAndRef() {
    Cli.Run run = cli.run("files", "get", path, "docs/missing.md", "--ref", "feature/search");
    run.assertExit(2);
    assertThat(run.err()).contains("docs/missing.md").contains("feature/search").contains("hint:");
    assertThat(run.out()).isEmpty();

    cli.run("files", "get", path, "CHANGES.md").assertExit(2); // only on feature branches
  }

  @Test
  void aPostedStatusShowsUpInTheListNewestFirst() {
    String commit = commitOf(defaultBranch());

    JsonNode posted =
        cli.run(
                "status",
                "post",
                path,
                commit,
                "--state",
                "succeeded",
                "--context",
                "build",
                "--description",
                "All green",
                "--target-url",
                "https://ci.example.com/1",
                "--json")
            .assertOk()
            .json();
    assertThat(posted.path("state").asText()).isEqualTo("succeeded");
    assertThat(posted.path("context").path("name").asText()).isEqualTo("build");

    Cli.Run second =
        cli.run("status", "post", path, commit, "--state", "pending", "--context", "lint")
            .assertOk();
    assertThat(second.out()).contains("pending").contains("lint");

    JsonNode listed = cli.run("status", "list", path, commit, "--json").assertOk().json();
    assertThat(listed.size()).isGreaterThanOrEqualTo(2);
    assertThat(listed.get(0).path("context").path("name").asText()).isEqualTo("lint");
    assertThat(listed.get(1).path("id").asInt()).isEqualTo(posted.path("id").asInt());
    assertThat(listed.get(1).path("targetUrl").asText()).isEqualTo("https://ci.example.com/1");

    Cli.Run table = cli.run("status", "list", path, commit).assertOk();
    assertThat(table.out()).contains("STATE").contains("build").contains("All green");
  }

  @Test
  void aBadStateIsBadUsage() {
    String commit = commitOf(defaultBranch());
    Cli.Run run = cli.run("status", "post", path, commit, "--state", "done", "--context", "build");
    run.assertExit(2);
    assertThat(run.err()).contains("done").contains("succeeded");
  }

  @Test
  void aMalformedOrUnknownCommitIsBadInput() {
    cli.run("status", "list", path, "abc").assertExit(2);
    Cli.Run unknown = cli.run("status", "list", path, "0".repeat(40));
    unknown.assertExit(2);
    assertThat(unknown.err()).contains("hint:");
  }
}
