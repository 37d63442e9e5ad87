package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.RecordedRequest;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code connect pat}: Services and Server layouts, PAT sources, what gets saved. */
class ConnectPatCommandTest extends CliTestBase {

  @Test
  void connectsAnOrganizationWithThePatOnStdinAndSavesTheAccount() {
    Cli.Run connect = cli.connect("--org", "org-001").assertOk();

    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    long cloneable = org.repositories().stream().filter(Repository::cloneable).count();
    assertThat(connect.out())
        .contains("org-001")
        .contains(org.projects().size() + " projects")
        .contains(cloneable + " repositories")
        .contains("Saved account");

    Cli.Run accounts = cli.run("accounts").assertOk();
    assertThat(accounts.out()).contains("org-001").contains("pat").contains("services");

    JsonNode list = cli.run("accounts", "--json").assertOk().json();
    assertThat(list).hasSize(1);
    JsonNode account = list.get(0);
    assertThat(fieldNames(account))
        .contains(
            "id",
            "method",
            "host",
            "displayName",
            "email",
            "tenantId",
            "scope",
            "connectedAt",
            "expiresAt",
            "organizations");
    assertThat(account.path("method").asText()).isEqualToIgnoringCase("pat");
    assertThat(account.path("host").asText()).isEqualTo("services");
    assertThat(account.path("displayName").asText())
        .isEqualTo(simulator.dataset().user().displayName());
    assertThat(account.path("organizations").get(0).asText()).isEqualTo("org-001");
    assertThat(account.path("connectedAt").asText()).isNotBlank();
    assertThat(accounts.out()).contains(account.path("id").asText());
  }

  @Test
  void accountsJsonHasExactlyThePublicFields() {
    cli.connect("--org", "org-001").assertOk();
    JsonNode account = cli.run("accounts", "--json").assertOk().json().get(0);
    assertThat(fieldNames(account))
        .containsExactlyInAnyOrder(
            "id",
            "method",
            "host",
            "displayName",
            "email",
            "tenantId",
            "scope",
            "connectedAt",
            "expiresAt",
            "organizations",
            "status",
            "permissions");
    assertThat(account.path("status").asText()).isEqualTo("connected");
    // a PAT can't tell its own scopes: Azure DevOps names a missing one when it refuses
    assertThat(account.path("permissions").path("kind").asText()).isEqualTo("token");
  }

  @Test
  void connectJsonReportsTheAccountAndTheChecks() {
    JsonNode result = cli.connect("--org", "org-001", "--json").assertOk().json();
    assertThat(result.path("account").path("id").asText()).isNotBlank();
    JsonNode check = result.path("checks").get(0);
    assertThat(check.path("organization").asText()).isEqualTo("org-001");
    assertThat(check.path("deployment").asText()).isEqualTo("services");
    assertThat(check.path("repositories").asInt())
        .isEqualTo(ExpectedRepos.services(simulator, "org-001").size());
  }

  @Test
  void connectingTheSameOrganizationAgainKeepsOneAccount() {
    String first = cli.connectedAccount("--org", "org-001");
    String second = cli.connectedAccount("--org", "org-001");
    assertThat(second).isEqualTo(first);
    assertThat(cli.run("accounts", "--json").assertOk().json()).hasSize(1);
  }

  @Test
  void connectsSeveralOrganizationsAtOnce() {
    Cli.Run connect = cli.connect("--org", "org-001", "--org", "org-002").assertOk();
    assertThat(connect.out()).contains("org-001").contains("org-002");
    JsonNode account = cli.run("accounts", "--json").assertOk().json().get(0);
    assertThat(account.path("organizations"))
        .extracting(JsonNode::asText)
        .containsExactly("org-001", "org-002");
  }

  @Test
  void connectsAnAzureDevOpsServerCollectionNegotiatingRest60() {
    Cli.Run connect =
        cli.connect("--server", cli.base() + "/tfs", "--collection", "DefaultCollection")
            .assertOk();
    assertThat(connect.out()).contains("DefaultCollection").contains("REST 6.0").contains("server");

    JsonNode account = cli.run("accounts", "--json").assertOk().json().get(0);
    assertThat(account.path("host").asText()).isEqualTo(cli.base() + "/tfs");
    assertThat(account.path("organizations"))
        .extracting(JsonNode::asText)
        .containsExactly("DefaultCollection");

    simulator.resetCounts();
    List<ExpectedRepos> repos = ExpectedRepos.parse(cli.run("repos", "--json").assertOk().json());
    assertThat(repos)
        .containsExactlyElementsOf(ExpectedRepos.server(simulator, "/tfs/DefaultCollection"));
    List<String> versions =
        simulator.requests().stream()
            .filter(
                r ->
                    r.path().startsWith("/tfs/DefaultCollection/")
                        && r.path().contains("/git/repositories"))
            .map(r -> r.apiVersion().orElse("none"))
            .toList();
    assertThat(versions).isNotEmpty().allMatch(v -> v.startsWith("6.0"));
  }

  @Test
  void connectsAServerWithoutTfsPrefix() {
    cli.connect("--server", cli.base(), "--collection", "DefaultCollection").assertOk();
    List<ExpectedRepos> repos = ExpectedRepos.parse(cli.run("repos", "--json").assertOk().json());
    assertThat(repos)
        .containsExactlyElementsOf(ExpectedRepos.server(simulator, "/DefaultCollection"));
  }

  @Test
  void aPastedCloneOrCollectionUrlIsEnoughForAServer() {
    Cli.Run clone =
        cli.connect(
                "--server",
                cli.base() + "/tfs/DefaultCollection/Some%20Project/_git/some-repo",
                "--json")
            .assertOk();
    assertThat(clone.json().path("account").path("host").asText()).isEqualTo(cli.base() + "/tfs");
    assertThat(clone.json().path("account").path("organizations").get(0).asText())
        .isEqualTo("DefaultCollection");

    // The same collection without /tfs: read from the pasted URL, checked there, and recognised
    // as the collection the first account reaches (one account, a warning says so).
    Cli.Run collection =
        cli.connect("--server", cli.base() + "/DefaultCollection", "--json").assertOk();
    assertThat(collection.json().path("checks").get(0).path("url").asText())
        .isEqualTo(cli.base() + "/DefaultCollection");
    assertThat(collection.json().path("account").path("id").asText())
        .isEqualTo(clone.json().path("account").path("id").asText());
    assertThat(collection.err()).contains("warning: This is the collection account");
  }

  @Test
  void aUsageMistakeIsOneErrorLineAndAHintNotAUsageDump() {
    Cli.Run run = cli.run("connect", "pat", "--collection", "DefaultCollection").assertExit(2);
    assertThat(run.err()).startsWith("error: ").contains("hint: ").contains("--help");
    assertThat(run.err()).doesNotContain("Error:").doesNotContain("Usage:");
    assertThat(run.err().lines().count()).isLessThanOrEqualTo(3);
  }

  @Test
  void takesThePatFromTheEnvironment() {
    cli.invocation()
        .env("ADO_CONNECT_PAT", cli.pat())
        .run("connect", "pat", "--org", "org-001")
        .assertOk();
    assertThat(cli.run("accounts", "--json").json()).hasSize(1);
  }

  @Test
  void promptsForThePatWhenInteractive() {
    List<String> prompts = new ArrayList<>();
    cli.invocation()
        .interactive(
            prompt -> {
              prompts.add(prompt);
              return cli.pat().toCharArray();
            })
        .run("connect", "pat", "--org", "org-001")
        .assertOk();
    assertThat(prompts).hasSize(1);
    assertThat(prompts.get(0)).containsIgnoringCase("token");
    assertThat(cli.run("accounts", "--json").json()).hasSize(1);
  }

  @Test
  void aPatPipedWithATrailingNewlineWorks() {
    cli.invocation().stdin(cli.pat() + "\n").run("connect", "pat", "--org", "org-001").assertOk();
  }

  @Test
  void thePatIsSentAsBasicAuthAndNeverInTheUrl() {
    cli.connect("--org", "org-001").assertOk();
    List<RecordedRequest> requests = simulator.requests();
    assertThat(requests).isNotEmpty();
    for (RecordedRequest r : requests) {
      assertThat(r.header("Authorization")).as("%s %s", r.method(), r.path()).contains("Basic");
      assertThat(r.path() + "?" + r.rawQuery()).doesNotContain(cli.pat());
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
