package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input, bad credentials, unreachable hosts and usage errors: the exit code, the advice,
 * nothing saved.
 */
class ErrorPathsTest extends CliTestBase {
  private static final String WRONG_PAT = "wr0ng-pat-0123456789abcdefghijklmnopqrstuvwxyz0123";

  private void assertNothingSaved() {
    assertThat(cli.run("accounts", "--json").assertOk().json()).isEmpty();
    assertThat(cli.run("sources", "list", "--json").assertOk().json()).isEmpty();
  }

  @Test
  void aSimulatorWithANegativeDurationIsBadInputBeforeItStarts() {
    Cli.Run run = cli.invocation().raw().run("simulator", "--build-seconds", "-1");
    run.assertExit(2);
    assertThat(run.err()).contains("durations not negative").contains("hint:");
    assertThat(run.out()).doesNotContain("listening");
  }

  @Test
  void aBusyPortForServeOrSimulatorIsBadInputWithAWayOut() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(taken.getLocalPort());
      for (String[] args :
          List.of(
              new String[] {"simulator", "--port", port},
              new String[] {"serve", "--port", port, "--data-dir", cli.dataDir.toString()})) {
        Cli.Run run = cli.invocation().raw().run(args);
        run.assertExit(2);
        assertThat(run.err())
            .contains("error: That port is already in use")
            .contains("--port 0")
            .doesNotContain("bug");
      }
    }
  }

  @Test
  void aMalformedDatabaseUrlIsBadInputAndAnUnreachableOneSaysWhatToCheck() throws Exception {
    Cli.Run run =
        cli.invocation()
            .env("ADO_CONNECT_DATABASE_URL", "postgresql://ado:hunter2hunter2@db.example/ado")
            .run("accounts");
    run.assertExit(2);
    assertThat(run.err())
        .contains("error: ADO_CONNECT_DATABASE_URL holds a password")
        .contains("hint:")
        .contains("ADO_CONNECT_DATABASE_PASSWORD_FILE");
    assertThat(run.out() + run.err()).doesNotContain("hunter2");

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Cli.Run unreachable =
        cli.invocation()
            .env("ADO_CONNECT_DATABASE_URL", "postgresql://ado@127.0.0.1:" + port + "/ado")
            .env("ADO_CONNECT_DATABASE_PASSWORD", "pw-0123456789")
            .run("accounts");
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.err())
        .contains("can't reach its PostgreSQL database (jdbc:postgresql://127.0.0.1:" + port)
        .contains("hint:")
        .doesNotContain("pw-0123456789");
  }

  @Test
  void aWrongPatExitsThreeWithAdviceAndSavesNothing() {
    Cli.Run run =
        cli.invocation().stdin(WRONG_PAT).run("connect", "pat", "--org", "org-001").assertExit(3);
    assertThat(run.err()).contains("error:").contains("hint:").contains("Code (Read)");
    assertThat(run.err()).containsIgnoringCase("new");
    assertThat(run.out() + run.err()).doesNotContain(WRONG_PAT);
    assertNothingSaved();
  }

  @Test
  void aWrongPatForAServerExitsThree() {
    cli.invocation()
        .stdin(WRONG_PAT)
        .run("connect", "pat", "--server", cli.base() + "/tfs", "--collection", "DefaultCollection")
        .assertExit(3);
    assertNothingSaved();
  }

  @Test
  void anUnknownOrganizationExitsTwoNamingIt() {
    Cli.Run run = cli.connect("--org", "org-999").assertExit(2);
    assertThat(run.err()).contains("org-999").contains("hint:");
    assertNothingSaved();
  }

  @Test
  void oneUnknownOrganizationAmongSeveralSavesNothing() {
    Cli.Run run = cli.connect("--org", "org-001", "--org", "org-999").assertExit(2);
    assertThat(run.err()).contains("org-999");
    assertNothingSaved();
  }

  @Test
  void anUnknownCollectionExitsTwo() {
    Cli.Run run =
        cli.connect("--server", cli.base() + "/tfs", "--collection", "NoSuchCollection")
            .assertExit(2);
    assertThat(run.err()).contains("NoSuchCollection");
    assertNothingSaved();
  }

  @Test
  void anUnreachableHostExitsFour() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closedPort;
    Cli.Run run =
        cli.invocation()
            .stdin(cli.pat())
            .env("ADO_CONNECT_DEVOPS_URL", nowhere)
            .env("ADO_CONNECT_VSSPS_URL", nowhere)
            .run("connect", "pat", "--org", "org-001")
            .assertExit(4);
    assertThat(run.err()).contains("error:").contains("127.0.0.1");
    assertNothingSaved();
  }

  @Test
  void anUnreachableServerExitsFour() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    cli.connect(
            "--server",
            "http://127.0.0.1:" + closedPort + "/tfs",
            "--collection",
            "DefaultCollection")
        .assertExit(4);
    assertNothingSaved();
  }

  @ParameterizedTest
  @ValueSource(strings = {"org 001", "org/001", "-org", "org_001!", "../etc"})
  void aMalformedOrganizationNameExitsTwoWithoutAnyRequest(String name) {
    Cli.Run run = cli.connect("--org", name).assertExit(2);
    assertThat(run.err()).contains("not a valid Azure DevOps organization name");
    assertThat(simulator.requestCount()).isZero();
    assertNothingSaved();
  }

  @Test
  void withoutAKeySourceConnectingFailsBeforeAnyRequestAndSavesNothing() {
    Cli.Run run =
        cli.invocation()
            .stdin(cli.pat())
            .env("ADO_CONNECT_KEY_FILE", null)
            .run("connect", "pat", "--org", "org-001")
            .assertExit(3);
    assertThat(run.err()).contains("ADO_CONNECT_KEY_FILE");
    assertThat(simulator.requestCount()).isZero();
    assertThat(cli.keyFile).doesNotExist();
    assertNothingSaved();
  }

  @Test
  void anEmptyStdinIsAMissingPat() {
    Cli.Run run =
        cli.invocation().stdin("").run("connect", "pat", "--org", "org-001").assertExit(2);
    assertThat(run.err()).contains("No Personal Access Token").contains("ADO_CONNECT_PAT");
    assertThat(simulator.requestCount()).isZero();
    assertNothingSaved();
  }

  @Test
  void aBlankStdinIsAMissingPat() {
    cli.invocation().stdin("  \n").run("connect", "pat", "--org", "org-001").assertExit(2);
    assertNothingSaved();
  }

  @Test
  void anEmptyPromptIsAMissingPat() {
    cli.invocation()
        .interactive(prompt -> new char[0])
        .run("connect", "pat", "--org", "org-001")
        .assertExit(2);
    assertNothingSaved();
  }

  @Test
  void oversizedStdinIsRejected() {
    cli.invocation()
        .stdin("x".repeat(5000))
        .run("connect", "pat", "--org", "org-001")
        .assertExit(2);
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  void theServerUrlMustNotIncludeTheCollection() {
    Cli.Run run =
        cli.connect(
                "--server",
                cli.base() + "/tfs/DefaultCollection",
                "--collection",
                "DefaultCollection")
            .assertExit(2);
    assertThat(run.err())
        .contains("already ends with the collection")
        .contains("--server " + cli.base() + "/tfs");
    assertThat(simulator.requestCount()).isZero();
    assertNothingSaved();
  }

  @Test
  void aMalformedServerUrlExitsTwo() {
    cli.connect("--server", "not a url", "--collection", "DefaultCollection").assertExit(2);
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  void orgAndServerTogetherIsAUsageError() {
    Cli.Run run =
        cli.connect(
                "--org",
                "org-001",
                "--server",
                cli.base() + "/tfs",
                "--collection",
                "DefaultCollection")
            .assertExit(2);
    assertThat(run.err()).containsIgnoringCase("mutually exclusive");
  }

  @Test
  void connectPatWithoutTargetIsAUsageError() {
    cli.connect().assertExit(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "connect",
        "connect pat",
        "test",
        "accounts",
        "repos",
        "sources",
        "sources add",
        "sources list",
        "sources remove",
        "disconnect",
        "demo",
        "simulator"
      })
  void helpOnEveryCommandExitsZeroWithUsage(String command) {
    String[] args = Cli.concat(command.split(" "), new String[] {"--help"});
    Cli.Run run = cli.invocation().raw().run(args).assertOk();
    assertThat(run.out())
        .contains("Usage:")
        .contains(command.substring(command.lastIndexOf(' ') + 1));
  }

  @Test
  void topLevelHelpAndVersion() {
    assertThat(cli.invocation().raw().run("--help").assertOk().out())
        .contains("Usage:")
        .contains("Exit codes");
    assertThat(cli.invocation().raw().run("--version").assertOk().out()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"accounts", "repos", "sources list", "connect pat", "test x", "disconnect x"})
  void anUnknownOptionExitsTwo(String command) {
    String[] args = Cli.concat(command.split(" "), new String[] {"--no-such-option"});
    Cli.Run run = cli.run(args).assertExit(2);
    assertThat(run.err()).contains("--no-such-option");
  }

  @Test
  void anUnknownCommandExitsTwo() {
    cli.invocation().raw().run("no-such-command").assertExit(2);
  }

  @Test
  void noArgumentsExitsTwoListingTheSubcommands() {
    Cli.Run run = cli.invocation().raw().run().assertExit(2);
    assertThat(run.err())
        .contains("connect", "test", "accounts", "repos", "sources", "disconnect", "demo");
  }

  @Test
  void missingPositionalArgumentsExitTwo() {
    cli.run("test").assertExit(2);
    cli.run("disconnect").assertExit(2);
    cli.run("sources", "add").assertExit(2);
    cli.run("sources", "remove").assertExit(2);
  }

  @Test
  void demoRunsTheStepsOfflineAndPrintsNoToken() {
    Cli.Run run = cli.invocation().raw().run("demo").assertOk();
    assertThat(run.out()).contains("1.", "2.", "3.", "4.", "5.", "6.", "Done");
    assertThat(run.out()).contains("Discovered").contains("Added");
    String pat = SimulatorConfig.DEFAULT_PAT;
    String basic = Base64.getEncoder().encodeToString((":" + pat).getBytes(StandardCharsets.UTF_8));
    assertThat(run.out() + run.err()).doesNotContain(pat).doesNotContain(basic);
  }

  @Test
  void demoWithADataDirKeepsItsDataForTheOtherCommands() throws IOException {
    cli.invocation().raw().run("demo", "--data-dir", cli.dataDir.toString()).assertOk();
    assertThat(Files.list(cli.dataDir).toList()).isNotEmpty();
    assertThat(cli.run("sources", "list", "--json").assertOk().json()).hasSize(1);
    assertThat(cli.run("accounts", "--json").assertOk().json()).hasSize(2);
  }
}
