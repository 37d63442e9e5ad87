package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Azure DevOps Servers, each with a {@code DefaultCollection} holding the same names (two
 * simulators with one seed): a day-one defect listed both under one prefix, then failed on the
 * second as "not found" with a hint that looped back to {@code repos}.
 */
class TwoServersTest extends CliTestBase {
  private Simulator second;

  @BeforeAll
  void startSecondServer() {
    second = Simulator.start(SimulatorConfig.defaults());
  }

  @AfterAll
  void stopSecondServer() {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void bothServersAreListedAndAnAmbiguousNameListsTheAccountsToPickFrom() {
    String first =
        cli.connectedAccount("--server", cli.base() + "/tfs", "--collection", "DefaultCollection");
    String other =
        cli.connectedAccount(
            "--server", second.baseUri() + "/tfs", "--collection", "DefaultCollection");
    assertThat(other).isNotEqualTo(first);

    JsonNode repos = cli.run("repos", "--json").assertOk().json();
    List<String> accounts = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    repos.forEach(
        r -> {
          accounts.add(r.path("account").asText());
          urls.add(r.path("organizationUrl").asText());
        });
    assertThat(accounts).contains(first, other);
    assertThat(urls)
        .contains(
            cli.base() + "/tfs/DefaultCollection", second.baseUri() + "/tfs/DefaultCollection");
    String path = path(repos.get(0));
    long sameName = 0;
    for (JsonNode r : repos) {
      sameName += path(r).equals(path) ? 1 : 0;
    }
    assertThat(sameName).as("the same path on both Servers").isEqualTo(2);
    assertThat(cli.run("repos").assertOk().out())
        .contains("ACCOUNT")
        .contains(first)
        .contains(other);

    Cli.Run ambiguous = cli.run("branches", path).assertExit(2);
    assertThat(ambiguous.err())
        .contains("2 connected accounts on different hosts")
        .contains(first)
        .contains(other)
        .contains("--account");

    simulator.resetCounts();
    second.resetCounts();
    Cli.Run picked = cli.run("branches", path, "--account", other, "--json").assertOk();
    assertThat(picked.json().size()).isPositive();
    assertThat(second.requestCount()).as("the named account's Server").isPositive();
    assertThat(simulator.requestCount()).as("the other Server").isZero();

    Cli.Run added = cli.run("sources", "add", path, "--account", other, "--json").assertOk();
    assertThat(added.json().path("accountId").asText()).isEqualTo(other);
  }

  private static String path(JsonNode repository) {
    return repository.path("organization").asText()
        + "/"
        + repository.path("project").asText()
        + "/"
        + repository.path("name").asText();
  }
}
