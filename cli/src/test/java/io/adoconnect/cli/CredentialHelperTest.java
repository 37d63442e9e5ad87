package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.PathCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code git} binary with {@code ado-connect credential} as its helper (configured by
 * {@code credential setup} in a HOME of its own) against the simulator's smart HTTP.
 */
class CredentialHelperTest {
  @TempDir Path dir;
  private Simulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private Cli start(SimulatorConfig.Builder config) {
    simulator = Simulator.start(config.build());
    return new Cli(simulator, dir.resolve("cli"));
  }

  /** git with the isolated HOME (whose .gitconfig setup wrote) and ado-connect's environment. */
  private GitCli git(Cli cli) {
    return new GitCli(home(), cli.env());
  }

  private Path home() {
    return dir.resolve("home");
  }

  private void setup(Cli cli) throws IOException {
    Files.createDirectories(home());
    cli.invocation().env("HOME", home().toString()).run("credential", "setup").assertOk();
  }

  private static Repository withContent(Collection collection) {
    return collection.repositories().stream()
        .filter(Repository::cloneable)
        .filter(r -> r.defaultBranch() != null)
        .findFirst()
        .orElseThrow();
  }

  private String servicesUrl(Repository repo) {
    return "http://org-001@"
        + simulator.baseUri().getRawAuthority()
        + "/org-001/"
        + PathCodec.encodeSegment(repo.project().name())
        + "/_git/"
        + PathCodec.encodeSegment(repo.name());
  }

  @Test
  void setupThenCloneOnServicesAndOnTheServerCollectionWithoutATokenOnDisk() throws IOException {
    Cli cli = start(SimulatorConfig.builder());
    cli.connect("--org", "org-001").assertOk();
    cli.connect("--server", cli.base() + "/tfs", "--collection", "DefaultCollection").assertOk();
    setup(cli);
    String config = Files.readString(home().resolve(".gitconfig"));
    assertThat(config)
        .contains("[credential \"" + cli.base() + "\"]")
        .contains("[credential \"" + cli.base() + "/tfs\"]")
        .contains("useHttpPath = true")
        .contains("credential --data-dir");

    Repository services = withContent(simulator.dataset().organization("org-001").orElseThrow());
    git(cli).run(dir, "clone", "-q", servicesUrl(services), "services").ok();
    assertThat(Files.readString(dir.resolve("services/README.md"))).contains(services.name());

    Collection server = simulator.dataset().serverCollection();
    Repository onServer = withContent(server);
    String serverUrl =
        cli.base()
            + "/tfs/DefaultCollection/"
            + PathCodec.encodeSegment(onServer.project().name())
            + "/_git/"
            + PathCodec.encodeSegment(onServer.name());
    git(cli).run(dir, "clone", "-q", serverUrl, "server").ok();
    assertThat(Files.readString(dir.resolve("server/README.md"))).contains(onServer.name());

    assertNoFileHolds(List.of(dir.resolve("services"), dir.resolve("server"), home()), cli.pat());
  }

  @Test
  void anExpiredEntraTokenIsRenewedByTheHelperWithoutAPrompt() throws IOException {
    // Tokens live 60 s, inside ado-connect's 90 s renewal margin: every get renews.
    Cli cli =
        start(SimulatorConfig.builder().autoApproveAfterSeconds(0).accessTokenLifetimeSeconds(60));
    cli.run("connect", "device").assertOk();
    setup(cli);
    // Every token issued so far (the stored one among them) is refused from now on.
    simulator.expireAccessTokens();

    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow());
    GitCli.Result listed = git(cli).run(dir, "ls-remote", servicesUrl(repo)).ok();
    assertThat(listed.out()).contains("refs/heads/main");
    assertThat(listed.err()).doesNotContain("Username");
  }

  @Test
  void aRevokedPatFailsWithTheHintNotAPrompt() throws IOException {
    Cli cli = start(SimulatorConfig.builder());
    String pat = "revocable-pat-0123456789abcdefghijklmnopqrstuvwxyz0";
    simulator.addPat(pat);
    cli.invocation().stdin(pat).run("connect", "pat", "--org", "org-001").assertOk();
    setup(cli);
    simulator.revokePat(pat);

    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow());
    GitCli.Result refused = git(cli).run(dir, "ls-remote", servicesUrl(repo));
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err())
        .contains("ado-connect: error: Azure DevOps refused the Personal Access Token")
        .contains("ado-connect: hint:")
        .contains("connect pat")
        .doesNotContain("Username for");

    // The next Git command stops at the helper (quit=1) with the same hint.
    GitCli.Result again = git(cli).run(dir, "ls-remote", servicesUrl(repo));
    assertThat(again.exitCode()).isNotZero();
    assertThat(again.err())
        .contains("ado-connect: hint:")
        .contains("fatal: credential helper")
        .doesNotContain("Username for");
  }

  @Test
  void twoAccountsOnOneOrganizationNeedABinding() throws IOException {
    Cli cli = start(SimulatorConfig.builder().autoApproveAfterSeconds(0));
    String patAccount = cli.connectedAccount("--org", "org-001");
    cli.run("connect", "device").assertOk();
    setup(cli);
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow());

    GitCli.Result ambiguous = git(cli).run(dir, "ls-remote", servicesUrl(repo));
    assertThat(ambiguous.exitCode()).isNotZero();
    assertThat(ambiguous.err()).contains("credential bind org-001 ACCOUNT");

    cli.run("credential", "bind", "org-001", patAccount).assertOk();
    assertThat(git(cli).run(dir, "ls-remote", servicesUrl(repo)).ok().out())
        .contains("refs/heads/main");
  }

  @Test
  void aDeploymentThatAsksForSourcesOnlyGetsNoTokenForOtherRepositories() throws IOException {
    Cli cli = start(SimulatorConfig.builder());
    cli.connect("--org", "org-001").assertOk();
    setup(cli);
    List<Repository> repos =
        simulator.dataset().organization("org-001").orElseThrow().repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .limit(2)
            .toList();
    Repository source = repos.get(0);
    Repository other = repos.get(1);
    cli.run("sources", "add", "org-001/" + source.project().name() + "/" + source.name())
        .assertOk();
    GitCli git = new GitCli(home(), cli.env());
    java.util.Map<String, String> sourcesOnly =
        java.util.Map.of(CredentialGetCommand.SOURCES_ONLY, "true");

    assertThat(git.run(dir, sourcesOnly, "ls-remote", servicesUrl(source)).ok().out())
        .contains("refs/heads/");
    GitCli.Result refused = git.run(dir, sourcesOnly, "ls-remote", servicesUrl(other));
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err())
        .contains(
            "ado-connect: error: The repository org-001/"
                + other.project().name()
                + "/"
                + other.name()
                + " is not a source, and this deployment gives Git credentials for its sources"
                + " only.")
        .contains("ado-connect: hint: Add the repository as a source")
        .contains("fatal: credential helper")
        .doesNotContain("Username for");
    // Without the setting every repository the account reaches works (the tests above).
  }

  @Test
  void theServicesHelperForATeamEndUserAnswersFromThatEndUsersAccountsOnly() {
    Cli cli = start(SimulatorConfig.builder());
    io.adoconnect.store.Owner alice = new io.adoconnect.store.Owner("app1", "alice");
    try (io.adoconnect.connect.AdoConnect ado =
        io.adoconnect.connect.AdoConnect.open(
            io.adoconnect.connect.ConnectSettings.fromEnvironment(cli.dataDir, cli.env()), alice)) {
      ado.connectPat(
          io.adoconnect.connect.PatTarget.services(List.of("org-001")),
          io.adoconnect.auth.Secret.of(cli.pat()));
    }
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow());
    String request =
        "protocol=http\nhost="
            + simulator.baseUri().getRawAuthority()
            + "\npath=org-001/"
            + repo.project().name()
            + "/_git/"
            + repo.name()
            + "\n\n";
    // The helper line the service gives Git for alice's clones, as it ends: --owner KEY get.
    Cli.Run forAlice =
        cli.invocation().stdin(request).run("credential", "--owner", alice.key(), "get");
    assertThat(forAlice.exit()).isZero();
    assertThat(forAlice.out()).contains("password=" + cli.pat());
    Cli.Run local = cli.invocation().stdin(request).run("credential", "get");
    assertThat(local.out()).doesNotContain(cli.pat()).contains("quit=1");
    assertThat(HelperLine.of(cli.dataDir, alice)).contains(" --owner 'app1/alice' \"$@\"");
  }

  static void assertNoFileHolds(List<Path> roots, String... secrets) throws IOException {
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          for (String secret : secrets) {
            assertThat(text).as(file.toString()).doesNotContain(secret);
          }
        }
      }
    }
  }
}
