package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Repository;
import org.junit.jupiter.api.Test;

/** {@code test ACCOUNT} and {@code disconnect ACCOUNT}. */
class AccountLifecycleTest extends CliTestBase {

  @Test
  void testRecheckesASavedConnection() {
    String id = cli.connectedAccount("--org", "org-001", "--org", "org-002");
    Cli.Run run = cli.run("test", id).assertOk();
    assertThat(run.out()).contains("OK").contains("org-001").contains("org-002");

    JsonNode checks = cli.run("test", id, "--json").assertOk().json();
    assertThat(checks).hasSize(2);
    assertThat(checks.get(0).path("repositories").asInt())
        .isEqualTo(ExpectedRepos.services(simulator, "org-001").size());
  }

  @Test
  void testAServerAccount() {
    String id =
        cli.connectedAccount("--server", cli.base() + "/tfs", "--collection", "DefaultCollection");
    assertThat(cli.run("test", id).assertOk().out())
        .contains("DefaultCollection")
        .contains("REST 6.0");
  }

  @Test
  void testFailsWithExitThreeOnceThePatIsRevoked() {
    String revocable = "rev0ked-pat-0123456789abcdefghijklmnopqrstuvwxyz01";
    simulator.addPat(revocable);
    cli.invocation().stdin(revocable).run("connect", "pat", "--org", "org-001").assertOk();
    String id = cli.run("accounts", "--json").json().get(0).path("id").asText();
    cli.run("test", id).assertOk();

    simulator.revokePat(revocable);

    Cli.Run run = cli.run("test", id).assertExit(3);
    assertThat(run.err()).contains("error:").contains("hint:");
    assertThat(run.out() + run.err()).doesNotContain(revocable);
    // repos with only that account fails the same way
    cli.run("repos").assertExit(3);
  }

  @Test
  void testAnUnknownAccountIsABadRequest() {
    Cli.Run run = cli.run("test", "no-such-account").assertExit(2);
    assertThat(run.err()).contains("no-such-account").contains("ado-connect accounts");
  }

  @Test
  void disconnectRemovesTheAccountAndKeepsItsSourcesAsDisconnected() {
    String id = cli.connectedAccount("--org", "org-001");
    String other = cli.connectedAccount("--org", "org-002");
    Repository repo =
        simulator.dataset().organization("org-001").orElseThrow().repositories().stream()
            .filter(Repository::cloneable)
            .findFirst()
            .orElseThrow();
    cli.run("sources", "add", "org-001/" + repo.project().name() + "/" + repo.name()).assertOk();

    Cli.Run run = cli.run("disconnect", id).assertOk();
    assertThat(run.out()).contains(id).contains("org-001");

    JsonNode accounts = cli.run("accounts", "--json").assertOk().json();
    assertThat(accounts).extracting(a -> a.path("id").asText()).containsExactly(other);
    assertThat(cli.run("accounts").out()).doesNotContain(id);

    JsonNode sources = cli.run("sources", "list", "--json").assertOk().json();
    assertThat(sources).hasSize(1);
    assertThat(sources.get(0).path("status").asText()).isEqualTo("disconnected");
    assertThat(sources.get(0).path("repositoryId").asText()).isEqualTo(repo.id().toString());
    assertThat(cli.run("sources", "list").out()).contains("disconnected");

    cli.run("test", id).assertExit(2);
    cli.run("disconnect", id).assertExit(2);
  }

  @Test
  void disconnectAnUnknownAccountIsABadRequest() {
    cli.connect("--org", "org-001").assertOk();
    Cli.Run run = cli.run("disconnect", "no-such-account").assertExit(2);
    assertThat(run.err()).contains("no-such-account");
    assertThat(cli.run("accounts", "--json").json()).hasSize(1);
  }

  @Test
  void accountsWhenNoneIsConnected() {
    assertThat(cli.run("accounts", "--json").assertOk().json()).isEmpty();
    assertThat(cli.run("accounts").assertOk().err()).contains("No accounts connected");
  }
}
