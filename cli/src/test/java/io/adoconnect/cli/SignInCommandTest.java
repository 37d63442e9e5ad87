package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** connect device and connect browser against the simulated Entra ID, as a user runs them. */
class SignInCommandTest {
  @TempDir Path dir;
  private final List<Simulator> simulators = new ArrayList<>();

  private Cli cli(UnaryOperator<SimulatorConfig.Builder> config) {
    Simulator simulator =
        Simulator.start(
            config.apply(SimulatorConfig.builder().deviceCodeIntervalSeconds(1)).build());
    simulators.add(simulator);
    return new Cli(simulator, dir.resolve("run" + simulators.size()));
  }

  @AfterEach
  void stop() {
    simulators.forEach(Simulator::close);
  }

  @Test
  void deviceSignInShowsTheCodeAndStatesThenSavesTheAccount() {
    Cli cli = cli(c -> c.autoApproveAfterSeconds(1));

    Cli.Run run = cli.run("connect", "device").assertOk();

    assertThat(run.err())
        .contains(cli.base() + "/devicelogin")
        .contains(cli.simulator.lastUserCode())
        .contains("state: pending")
        .contains("state: authorized");
    assertThat(run.out())
        .contains("Connected as " + cli.simulator.entra().defaultUser().displayName());
    JsonNode account = cli.run("accounts", "--json").assertOk().json().get(0);
    assertThat(account.path("method").asText()).isEqualTo("device_code");
    assertThat(account.path("displayName").asText())
        .isEqualTo(cli.simulator.entra().defaultUser().displayName());
    assertThat(account.path("email").asText()).contains("@");
    assertThat(account.path("tenantId").asText())
        .isEqualTo(cli.simulator.entra().homeTenant().id().toString());
    assertThat(account.path("scope").asText()).contains("user_impersonation");
    assertThat(account.path("connectedAt").asText()).isNotBlank();
    assertThat(account.path("expiresAt").asText()).isNotBlank();
    assertThat(account.path("status").asText()).isEqualTo("connected");
    Set<String> orgs = new TreeSet<>();
    account.path("organizations").forEach(o -> orgs.add(o.asText()));
    assertThat(orgs).containsExactly("org-001", "org-002", "org-003");
  }

  @Test
  void reposWorkWithTheEntraTokenAcrossTenantsAndNotePersonalAccountOrganizations() {
    Cli cli = cli(c -> c.autoApproveAfterSeconds(0));
    cli.run("connect", "device").assertOk();

    Cli.Run repos = cli.run("repos", "--json").assertOk();

    Set<String> orgs = new TreeSet<>();
    repos.json().forEach(r -> orgs.add(r.path("organization").asText()));
    assertThat(orgs).containsExactly("org-001", "org-002");
    assertThat(repos.err())
        .contains("note: organization org-003 was skipped")
        .contains("personal Microsoft accounts")
        .contains("connect pat --org org-003");
    String guestTenant = cli.simulator.entra().secondTenant().id().toString();
    assertThat(cli.simulator.requestCount("/" + guestTenant + "/oauth2/v2.0/token")).isEqualTo(1);
  }

  @Test
  void theAreasWorkWithTheEntraTokenInTheGuestTenantToo() {
    Cli cli = cli(c -> c.autoApproveAfterSeconds(0).buildDurationMillis(0));
    cli.run("connect", "device").assertOk();
    // org-002 is in the second tenant: its calls need a token minted there.
    var org = cli.simulator.dataset().organization("org-002").orElseThrow();
    var definition = cli.simulator.buildDefinitions(org).get(0);
    String project = "org-002/" + definition.project().name();
    String repo = project + "/" + definition.repository().name();

    cli.run("prs", "list", repo, "--status", "all", "--json").assertOk();
    assertThat(
            cli.run("builds", "queue", project, "--definition", definition.name(), "--json")
                .assertOk()
                .json()
                .path("id")
                .asInt())
        .isPositive();
    cli.run(
            "workitems",
            "query",
            project,
            "--wiql",
            "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project",
            "--json")
        .assertOk();
    cli.run("releases", "definitions", project, "--json").assertOk();
  }

  @Test
  void theDeploymentsScopesShowOnTheAccountAndAnOperationBeyondThemExitsThreeUnsent() {
    Cli cli = cli(c -> c.autoApproveAfterSeconds(0));
    String scopes = "vso.code vso.work_write";
    cli.invocation().env("ADO_CONNECT_ENTRA_SCOPES", scopes).run("connect", "device").assertOk();

    Cli.Run table = cli.invocation().env("ADO_CONNECT_ENTRA_SCOPES", scopes).run("accounts");
    assertThat(table.assertOk().out())
        .contains("SCOPES")
        .contains("vso.code,vso.work_write,vso.profile");
    JsonNode account = cli.run("accounts", "--json").assertOk().json().get(0);
    assertThat(account.path("permissions").path("kind").asText()).isEqualTo("scopes");
    assertThat(account.path("permissions").path("summary").asText())
        .isEqualTo("Only Code (Read), Work Items (Read & write), User profile (Read).");

    var definition =
        cli.simulator
            .buildDefinitions(cli.simulator.dataset().organization("org-001").orElseThrow())
            .get(0);
    String project = "org-001/" + definition.project().name();
    // within the scopes: works (and learns the organization's tenant, an anonymous probe)
    cli.run(
            "workitems",
            "query",
            project,
            "--wiql",
            "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project",
            "--json")
        .assertOk();
    cli.simulator.resetCounts();
    Cli.Run refused = cli.run("builds", "definitions", project).assertExit(3);
    assertThat(refused.err())
        .contains("Build (Read) (vso.build)")
        .contains("nothing was sent to Azure DevOps")
        .contains("ADO_CONNECT_ENTRA_SCOPES")
        .contains("ado-connect connect device");
    assertThat(cli.simulator.requests()).as("requests").isEmpty();
  }

  @Test
  void aScopeSettingWithATypoStopsEveryCommandNamingIt() {
    Cli cli = cli(c -> c);

    Cli.Run run =
        cli.invocation()
            .env("ADO_CONNECT_ENTRA_SCOPES", "vso.code vso.wrok_write")
            .run("accounts")
            .assertExit(2);

    assertThat(run.err()).contains("'vso.wrok_write'").contains("vso.work_write");
  }

  @Test
  void aDeclinedSignInExitsThreeWithAdvice() {
    Cli cli = cli(c -> c.autoDecline(true));

    Cli.Run run = cli.run("connect", "device").assertExit(3);

    assertThat(run.err())
        .contains("state: denied")
        .contains("declined")
        .contains("approve every requested permission");
    assertThat(cli.run("accounts", "--json").assertOk().json()).isEmpty();
  }

  @Test
  void anExpiredCodeExitsThreeAndSaysToStartAgain() {
    Cli cli = cli(c -> c.deviceCodeLifetimeSeconds(1));

    Cli.Run run = cli.run("connect", "device").assertExit(3);

    assertThat(run.err()).contains("expired").contains("connect device --new");
  }

  @Test
  void conditionalAccessBlockingTheDeviceFlowSuggestsTheBrowser() {
    Cli cli = cli(c -> c.autoApproveAfterSeconds(0));
    cli.simulator.blockDeviceCodeFlow(cli.simulator.entra().homeTenant().id().toString(), true);

    Cli.Run run = cli.run("connect", "device").assertExit(3);

    assertThat(run.err()).contains("Conditional Access").contains("ado-connect connect browser");
  }

  @Test
  void browserSignInCatchesTheAnswerOnTheLoopbackPort() {
    Cli cli = cli(UnaryOperator.identity());

    Cli.Run run =
        cli.invocation()
            .browser(uri -> SignInPage.answer(uri, "accept"))
            .run("connect", "browser")
            .assertOk();

    assertThat(run.err())
        .contains("Sign in at: " + cli.base() + "/common/oauth2/v2.0/authorize?")
        .contains("code_challenge_method=S256")
        .contains("state=")
        .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
    JsonNode account = cli.run("accounts", "--json").assertOk().json().get(0);
    assertThat(account.path("method").asText()).isEqualTo("browser");
    assertThat(account.path("organizations")).hasSize(3);
  }

  @Test
  void aCancelledBrowserSignInExitsThree() {
    Cli cli = cli(UnaryOperator.identity());

    Cli.Run run =
        cli.invocation()
            .browser(uri -> SignInPage.answer(uri, "cancel"))
            .run("connect", "browser")
            .assertExit(3);

    assertThat(run.err()).contains("declined");
    assertThat(cli.run("accounts", "--json").assertOk().json()).isEmpty();
  }

  @Test
  void noSecretOfTheSignInAppearsInAnyOutput() {
    Cli cli = cli(c -> c.autoApproveAfterSeconds(0));
    cli.run("connect", "device", "--verbose").assertOk();
    cli.run("repos", "--verbose").assertOk();

    List<String> secrets =
        cli.simulator.requests().stream()
            .map(r -> r.rawQuery() == null ? "" : r.rawQuery())
            .toList();
    for (Cli.Run run : cli.runs()) {
      assertThat(run.out() + run.err())
          .doesNotContain("eyJ")
          .doesNotContain("refresh_token")
          .doesNotContain("device_code=");
    }
    assertThat(secrets).noneMatch(q -> q.contains("eyJ"));
  }
}
