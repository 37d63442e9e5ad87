package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code sources add|list|remove}. */
class SourcesCommandTest extends CliTestBase {
  private Collection org;
  private String account;

  @BeforeEach
  void connect() {
    org = simulator.dataset().organization("org-001").orElseThrow();
    account = cli.connectedAccount("--org", "org-001");
  }

  /** A cloneable repository whose project name has a space or a non-ASCII letter. */
  private Repository awkwardlyNamed() {
    Predicate<String> awkward = name -> name.contains(" ") || !name.chars().allMatch(c -> c < 128);
    return org.repositories().stream()
        .filter(Repository::cloneable)
        .filter(r -> awkward.test(r.project().name()))
        .filter(r -> !r.project().name().chars().allMatch(c -> c < 128)) // prefer Unicode
        .findFirst()
        .or(
            () ->
                org.repositories().stream()
                    .filter(Repository::cloneable)
                    .filter(r -> awkward.test(r.project().name()))
                    .findFirst())
        .orElseThrow(() -> new AssertionError("the dataset has no project with spaces or Unicode"));
  }

  private static String path(Collection org, Repository r) {
    return org.name() + "/" + r.project().name() + "/" + r.name();
  }

  @Test
  void addsARepositoryWithSpacesOrUnicodeInItsPathAndListsIt() {
    Repository repo = awkwardlyNamed();
    String path = path(org, repo);
    ExpectedRepos expected =
        ExpectedRepos.services(simulator, "org-001").stream()
            .filter(r -> r.id().equals(repo.id().toString()))
            .findFirst()
            .orElseThrow();

    Cli.Run add = cli.run("sources", "add", path).assertOk();
    assertThat(add.out()).contains(path).contains(expected.cloneUrl());

    JsonNode sources = cli.run("sources", "list", "--json").assertOk().json();
    assertThat(sources).hasSize(1);
    JsonNode source = sources.get(0);
    assertThat(source.path("organization").asText()).isEqualTo("org-001");
    assertThat(source.path("project").asText()).isEqualTo(repo.project().name());
    assertThat(source.path("repository").asText()).isEqualTo(repo.name());
    assertThat(source.path("repositoryId").asText()).isEqualTo(repo.id().toString());
    assertThat(source.path("cloneUrl").asText()).isEqualTo(expected.cloneUrl());
    assertThat(source.path("webUrl").asText()).isEqualTo(expected.webUrl());
    assertThat(source.path("accountId").asText()).isEqualTo(account);
    assertThat(source.path("status").asText()).isEqualTo("connected");
    assertThat(source.path("id").asText()).isNotBlank();
    assertThat(add.out()).contains(source.path("id").asText());

    Cli.Run table = cli.run("sources", "list").assertOk();
    assertThat(table.out()).contains(path).contains("connected").contains(expected.cloneUrl());
  }

  @Test
  void addJsonPrintsTheSource() {
    Repository repo = awkwardlyNamed();
    JsonNode source = cli.run("sources", "add", path(org, repo), "--json").assertOk().json();
    assertThat(source.path("repositoryId").asText()).isEqualTo(repo.id().toString());
    assertThat(source.path("status").asText()).isEqualTo("connected");
  }

  @Test
  void addingTheSameRepositoryTwiceKeepsOneSource() {
    Repository repo = awkwardlyNamed();
    cli.run("sources", "add", path(org, repo)).assertOk();
    cli.run("sources", "add", path(org, repo)).assertOk();
    assertThat(cli.run("sources", "list", "--json").assertOk().json()).hasSize(1);
  }

  @Test
  void aNonexistentRepositoryIsRejectedWithAHint() {
    Repository repo = awkwardlyNamed();
    Cli.Run run =
        cli.run("sources", "add", "org-001/" + repo.project().name() + "/no-such-repo")
            .assertExit(2);
    assertThat(run.err()).contains("no-such-repo").contains("hint:").contains("ado-connect repos");
    assertThat(cli.run("sources", "list", "--json").json()).isEmpty();

    cli.run("sources", "add", "org-001/No Such Project/anything").assertExit(2);
    assertThat(cli.run("sources", "list", "--json").json()).isEmpty();
  }

  @Test
  void aDisabledRepositoryIsRejected() {
    Repository disabled =
        org.repositories().stream().filter(Repository::disabled).findFirst().orElseThrow();
    Cli.Run run = cli.run("sources", "add", path(org, disabled)).assertExit(2);
    assertThat(run.err()).contains("disabled");
    assertThat(cli.run("sources", "list", "--json").json()).isEmpty();
  }

  @Test
  void aRepositoryWithoutCloneUrlIsRejected() {
    Repository neverPushed =
        org.repositories().stream().filter(r -> !r.hasRemoteUrl()).findFirst().orElseThrow();
    Cli.Run run = cli.run("sources", "add", path(org, neverPushed)).assertExit(2);
    assertThat(run.err()).contains("clone URL");
    assertThat(cli.run("sources", "list", "--json").json()).isEmpty();
  }

  @Test
  void aMalformedPathOrAnUnconnectedOrganizationIsABadRequest() {
    assertThat(cli.run("sources", "add", "just-a-name").assertExit(2).err())
        .contains("ORGANIZATION/PROJECT/REPOSITORY");
    assertThat(cli.run("sources", "add", "org-002/p/r").assertExit(2).err()).contains("org-002");
  }

  @Test
  void removesBySourceIdAndByPath() {
    Repository first = awkwardlyNamed();
    Repository second =
        org.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r != first)
            .findFirst()
            .orElseThrow();
    String id =
        cli.run("sources", "add", path(org, first), "--json").assertOk().json().path("id").asText();
    cli.run("sources", "add", path(org, second)).assertOk();

    Cli.Run byId = cli.run("sources", "remove", id).assertOk();
    assertThat(byId.out()).contains(path(org, first));
    JsonNode left = cli.run("sources", "list", "--json").json();
    assertThat(left).hasSize(1);
    assertThat(left.get(0).path("repositoryId").asText()).isEqualTo(second.id().toString());

    cli.run("sources", "remove", path(org, second)).assertOk();
    assertThat(cli.run("sources", "list", "--json").json()).isEmpty();
    assertThat(cli.run("sources", "list").assertOk().err()).contains("No sources");
  }

  @Test
  void removingAnUnknownSourceIsABadRequest() {
    Cli.Run run = cli.run("sources", "remove", "no-such-source").assertExit(2);
    assertThat(run.err()).contains("no-such-source").contains("sources list");
  }

  @Test
  void sourcesWithoutSubcommandListsTheChoices() {
    Cli.Run run = cli.run("sources").assertExit(2);
    assertThat(run.err()).contains("add").contains("list").contains("remove");
  }

  @Test
  void addsARepositoryOfAServerCollection() {
    cli.connect("--server", cli.base() + "/tfs", "--collection", "DefaultCollection").assertOk();
    Collection server = simulator.dataset().serverCollection();
    Repository repo =
        server.repositories().stream().filter(Repository::cloneable).findFirst().orElseThrow();
    JsonNode source = cli.run("sources", "add", path(server, repo), "--json").assertOk().json();
    assertThat(source.path("organization").asText()).isEqualTo("DefaultCollection");
    assertThat(source.path("repositoryId").asText()).isEqualTo(repo.id().toString());
    assertThat(source.path("cloneUrl").asText()).startsWith(cli.base() + "/tfs/DefaultCollection/");
  }
}
