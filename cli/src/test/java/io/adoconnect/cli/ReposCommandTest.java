package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.RecordedRequest;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repos}: everything cloneable, sorted, across organizations; retries, fallback, partial
 * failure.
 */
class ReposCommandTest extends CliTestBase {

  @Test
  void listsEveryCloneableRepositoryOfTheOrganizationAsJson() {
    cli.connect("--org", "org-001").assertOk();

    List<ExpectedRepos> listed = ExpectedRepos.parse(cli.run("repos", "--json").assertOk().json());

    List<ExpectedRepos> expected = ExpectedRepos.services(simulator, "org-001");
    assertThat(expected).as("the dataset has repos to list").isNotEmpty();
    assertThat(listed).containsExactlyElementsOf(expected);
    assertThat(listed).isSortedAccordingTo(ExpectedRepos.ORDER);
  }

  @Test
  void aSecondListingWithNothingChangedAsksAzureDevOpsNothing() {
    cli.connect("--org", "org-001").assertOk();
    String first = cli.run("repos", "--json").assertOk().out();

    simulator.resetCounts();
    Cli.Run again = cli.run("repos", "--json").assertOk();
    assertThat(simulator.requestCount()).as("requests for a kept listing").isZero();
    assertThat(again.out()).isEqualTo(first);
    assertThat(again.json().isArray()).isTrue();

    Cli.Run table = cli.run("repos").assertOk();
    assertThat(table.err()).contains("Listed").contains("--refresh");
    assertThat(simulator.requestCount()).isZero();

    Cli.Run refreshed = cli.run("repos", "--json", "--refresh").assertOk();
    assertThat(simulator.requestCount()).as("--refresh asks again").isPositive();
    assertThat(refreshed.out()).isEqualTo(first);
  }

  @Test
  void connectingAnotherOrganizationOrTurningTheKeptListingOffListsAgain() {
    cli.connect("--org", "org-001").assertOk();
    cli.run("repos", "--json").assertOk();

    cli.connect("--org", "org-002").assertOk();
    simulator.resetCounts();
    List<ExpectedRepos> both = ExpectedRepos.parse(cli.run("repos", "--json").assertOk().json());
    assertThat(simulator.requestCount()).as("the accounts changed").isPositive();
    assertThat(both).extracting(ExpectedRepos::organization).contains("org-001", "org-002");

    simulator.resetCounts();
    cli.invocation().env("ADO_CONNECT_REPOS_CACHE", "off").run("repos", "--json").assertOk();
    assertThat(simulator.requestCount()).isPositive();
    simulator.resetCounts();
    cli.run("repos", "--json", "--max-age", "PT0.001S").assertOk();
    assertThat(simulator.requestCount()).as("older than --max-age").isPositive();
  }

  @Test
  void leavesOutDisabledAndNeverPushedRepositories() {
    cli.connect("--org", "org-001").assertOk();
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    List<String> excluded =
        org.repositories().stream()
            .filter(r -> !r.cloneable())
            .map(r -> r.id().toString())
            .toList();
    assertThat(excluded).as("the dataset has disabled and URL-less repos").isNotEmpty();
    assertThat(org.repositories()).anyMatch(Repository::disabled).anyMatch(r -> !r.hasRemoteUrl());

    List<ExpectedRepos> listed = ExpectedRepos.parse(cli.run("repos", "--json").assertOk().json());
    assertThat(listed).extracting(ExpectedRepos::id).doesNotContainAnyElementsOf(excluded);
  }

  @Test
  void printsATableWithPathBranchAndCloneUrl() {
    cli.connect("--org", "org-001").assertOk();
    Cli.Run table = cli.run("repos").assertOk();
    List<ExpectedRepos> expected = ExpectedRepos.services(simulator, "org-001");
    List<String> lines = table.out().lines().toList();
    assertThat(lines.get(0)).contains("REPOSITORY").contains("CLONE URL");
    assertThat(lines).hasSize(expected.size() + 1);
    for (int i = 0; i < expected.size(); i++) {
      ExpectedRepos repo = expected.get(i);
      assertThat(lines.get(i + 1)).startsWith(repo.path()).endsWith(repo.cloneUrl());
    }
    assertThat(table.err()).contains(expected.size() + " repositories");
  }

  @Test
  void listsBothOrganizationsSorted() {
    cli.connect("--org", "org-002", "--org", "org-001").assertOk();
    List<ExpectedRepos> listed = ExpectedRepos.parse(cli.run("repos", "--json").assertOk().json());
    assertThat(listed)
        .containsExactlyElementsOf(ExpectedRepos.services(simulator, "org-001", "org-002"));
  }

  @Test
  void listsAcrossAccountsAndFiltersByOrganization() {
    cli.connect("--org", "org-001").assertOk();
    cli.connect("--org", "org-002").assertOk();
    cli.connect("--server", cli.base() + "/tfs", "--collection", "DefaultCollection").assertOk();

    List<ExpectedRepos> all = ExpectedRepos.parse(cli.run("repos", "--json").assertOk().json());
    assertThat(all)
        .containsExactlyElementsOf(
            ExpectedRepos.concat(
                ExpectedRepos.services(simulator, "org-001", "org-002"),
                ExpectedRepos.server(simulator, "/tfs/DefaultCollection")));

    List<ExpectedRepos> one =
        ExpectedRepos.parse(cli.run("repos", "--org", "org-001", "--json").assertOk().json());
    assertThat(one).containsExactlyElementsOf(ExpectedRepos.services(simulator, "org-001"));

    Cli.Run table = cli.run("repos", "--org", "org-001").assertOk();
    assertThat(table.out())
        .contains("org-001/")
        .doesNotContain("org-002/")
        .doesNotContain("DefaultCollection/");
  }

  @Test
  void filtersByAccount() {
    String first = cli.connectedAccount("--org", "org-001");
    cli.connect("--org", "org-002").assertOk();
    List<ExpectedRepos> listed =
        ExpectedRepos.parse(cli.run("repos", "--account", first, "--json").assertOk().json());
    assertThat(listed).containsExactlyElementsOf(ExpectedRepos.services(simulator, "org-001"));
  }

  @Test
  void anOrganizationNoAccountCoversIsABadRequest() {
    cli.connect("--org", "org-001").assertOk();
    Cli.Run run = cli.run("repos", "--org", "org-002").assertExit(2);
    assertThat(run.err()).contains("org-002").contains("hint:");
  }

  @Test
  void withNoAccountItSaysHowToConnect() {
    Cli.Run run = cli.run("repos").assertExit(2);
    assertThat(run.err()).contains("connect pat");
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  void waitsOutRateLimitingAndSucceeds() {
    cli.connect("--org", "org-001").assertOk();
    simulator.resetCounts();
    simulator.throttleNext("/org-001/_apis/git/repositories", 1, 1);

    List<ExpectedRepos> listed = ExpectedRepos.parse(cli.run("repos", "--json").assertOk().json());

    assertThat(listed).containsExactlyElementsOf(ExpectedRepos.services(simulator, "org-001"));
    assertThat(simulator.requestCount("/org-001/_apis/git/repositories"))
        .as("throttled once, then retried")
        .isEqualTo(2);
  }

  @Test
  void fallsBackToPerProjectListingWhenTheOrgLevelListingIsRefused() {
    cli.connect("--org", "org-001").assertOk();
    simulator.resetCounts();
    simulator.failNext("/org-001/_apis/git/repositories", 404, 1);

    List<ExpectedRepos> listed = ExpectedRepos.parse(cli.run("repos", "--json").assertOk().json());

    assertThat(listed).containsExactlyElementsOf(ExpectedRepos.services(simulator, "org-001"));
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    List<String> perProject =
        simulator.requests().stream()
            .map(RecordedRequest::path)
            .filter(p -> p.matches("/org-001/[^/]+/_apis/git/repositories"))
            .toList();
    assertThat(perProject).as("one listing per project").hasSize(org.projects().size());
  }

  @Test
  void oneFailingOrganizationGivesPartialResultsAWarningAndANonZeroExit(@TempDir Path dir) {
    try (Simulator own = Simulator.start(SimulatorConfig.defaults())) {
      Cli session = new Cli(own, dir);
      session.connect("--org", "org-001", "--org", "org-002").assertOk();
      // More 500s than the client retries: org-002 fails for good, org-001 answers.
      own.failNext("/org-002/", 500, 50);

      Cli.Run run = session.run("repos", "--json");

      assertThat(run.exit()).as(run.toString()).isNotZero();
      assertThat(ExpectedRepos.parse(run.json()))
          .containsExactlyElementsOf(ExpectedRepos.services(own, "org-001"));
      assertThat(run.err()).contains("warning").contains("org-002");

      Cli.Run table = session.run("repos");
      assertThat(table.exit()).isNotZero();
      assertThat(table.out()).contains("org-001/").doesNotContain("org-002/");
      assertThat(table.err()).contains("warning").contains("org-002");
    }
  }

  @Test
  void filtersAServerCollectionAndIgnoresCaseInOrganizationNames() {
    cli.connect("--org", "org-001").assertOk();
    cli.connect("--server", cli.base() + "/tfs", "--collection", "DefaultCollection").assertOk();
    assertThat(
            ExpectedRepos.parse(
                cli.run("repos", "--org", "DefaultCollection", "--json").assertOk().json()))
        .containsExactlyElementsOf(ExpectedRepos.server(simulator, "/tfs/DefaultCollection"));
    assertThat(
            ExpectedRepos.parse(cli.run("repos", "--org", "ORG-001", "--json").assertOk().json()))
        .extracting(ExpectedRepos::id)
        .containsExactlyElementsOf(
            ExpectedRepos.services(simulator, "org-001").stream().map(ExpectedRepos::id).toList());
  }

  @Test
  void interactiveProgressGoesToStderrAndKeepsStdoutParseable() {
    cli.connect("--org", "org-001", "--org", "org-002").assertOk();
    Cli.Run run =
        cli.invocation()
            .interactive(
                prompt -> {
                  throw new AssertionError("repos must not prompt");
                })
            .run("repos", "--json")
            .assertOk();
    assertThat(ExpectedRepos.parse(run.json()))
        .containsExactlyElementsOf(ExpectedRepos.services(simulator, "org-001", "org-002"));
    assertThat(run.err()).contains("2/2 organizations");
  }
}
