package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sources sync} with the real {@code git}: clones a source through the credential helper,
 * fetches exactly what someone else pushed, and leaves a disconnected account's clone alone.
 */
class SourcesSyncTest {
  @TempDir Path dir;
  private Simulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void syncClonesThenFetchesExactlyThePushAndKeepsADisconnectedClone() throws IOException {
    simulator = Simulator.start(SimulatorConfig.defaults());
    Cli cli = new Cli(simulator, dir.resolve("cli"));
    String account = cli.connectedAccount("--org", "org-001");
    Repository repo =
        simulator.dataset().organization("org-001").orElseThrow().repositories().stream()
            .filter(r -> r.cloneable() && r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    String path = "org-001/" + repo.project().name() + "/" + repo.name();
    cli.run("sources", "add", path).assertOk();
    Path clones = dir.resolve("clones");

    Cli.Run first = cli.run("sources", "sync", "--dir", clones.toString()).assertOk();
    Path clone = clones.resolve("org-001").resolve(repo.project().name()).resolve(repo.name());
    assertThat(first.out()).contains(path + ": cloned into " + clone);
    assertThat(first.err()).contains("[1/1] " + path + ": cloned");
    assertThat(Files.readString(clone.resolve("README.md"))).contains(repo.name());

    // Someone else pushes one commit (the simulator's hook for a push from another machine).
    String pushed =
        simulator
            .push("org-001", repo.project().name(), repo.name(), "main")
            .path("refUpdates")
            .path(0)
            .path("newObjectId")
            .asText();
    String before =
        new GitCli(dir, cli.env()).run(clone, "rev-parse", "origin/main").ok().out().strip();

    Cli.Run second = cli.run("sources", "sync", "--dir", clones.toString(), "--json").assertOk();
    var outcome = second.json().get(0);
    assertThat(outcome.get("kind").asText()).isEqualTo("FETCHED");
    assertThat(outcome.get("changes")).hasSize(1);
    assertThat(outcome.get("changes").get(0).get("ref").asText())
        .isEqualTo("refs/remotes/origin/main");
    assertThat(outcome.get("changes").get(0).get("oldId").asText()).isEqualTo(before);
    assertThat(outcome.get("changes").get(0).get("newId").asText()).isEqualTo(pushed);
    assertThat(cli.run("sources", "sync", "--dir", clones.toString()).assertOk().out())
        .contains(path + ": up to date");

    cli.run("disconnect", account).assertOk();
    Cli.Run disconnected = cli.run("sources", "sync", "--dir", clones.toString()).assertOk();
    assertThat(disconnected.out())
        .contains(path + ": not refreshed")
        .contains("clone stays as it was")
        .contains("connected again");
    assertThat(Files.exists(clone.resolve("README.md"))).isTrue();

    CredentialHelperTest.assertNoFileHolds(List.of(clones), cli.pat());
  }
}
