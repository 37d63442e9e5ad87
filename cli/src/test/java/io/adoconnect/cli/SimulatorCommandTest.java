package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ado-connect simulator}: its options reach the simulator, and its banner tells the other
 * terminal everything it needs. The command itself runs until interrupted, so the tests parse its
 * options and print its banner without waiting.
 */
class SimulatorCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private SimulatorCommand parse(String... args) {
    CliContext ctx =
        new CliContext(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            InputStream.nullInputStream(),
            Map.of(),
            false,
            prompt -> null,
            uri -> false);
    SimulatorCommand command = new SimulatorCommand(ctx);
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void refreshTokensStayValidAfterUseAsInEntraUnlessSingleUseIsAsked() {
    assertThat(parse().config().singleUseRefreshTokens()).isFalse();
    assertThat(parse("--single-use-refresh-tokens").config().singleUseRefreshTokens()).isTrue();
  }

  @Test
  void theServerInstanceIdDependsOnThePortUnlessGiven() {
    assertThat(parse().config().serverInstanceId()).isNull();
    UUID id = UUID.randomUUID();
    assertThat(parse("--instance-id", id.toString()).config().serverInstanceId()).isEqualTo(id);
  }

  @Test
  void aMalformedInstanceIdIsBadInput(@TempDir Path tmp) {
    try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
      Cli.Run run =
          new Cli(simulator, tmp).invocation().raw().run("simulator", "--instance-id", "nope");
      run.assertExit(2);
      assertThat(run.out()).doesNotContain("listening");
    }
  }

  @Test
  void helpNamesTheNewOptions(@TempDir Path tmp) {
    try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
      String help =
          new Cli(simulator, tmp).invocation().raw().run("simulator", "--help").assertOk().out();
      assertThat(help).contains("--single-use-refresh-tokens").contains("--instance-id");
    }
  }

  @Test
  void theBannerExportsEverythingAnotherTerminalNeedsIncludingTheKeyFile() {
    SimulatorCommand command = parse("--single-use-refresh-tokens");
    try (Simulator simulator = Simulator.start(command.config())) {
      command.printBanner(simulator);
      String banner = out.toString(StandardCharsets.UTF_8);
      Map<String, String> exported = new HashMap<>();
      banner
          .lines()
          .map(String::strip)
          .filter(line -> line.startsWith("export "))
          .flatMap(line -> java.util.Arrays.stream(line.substring(7).split(" ")))
          .forEach(pair -> exported.put(pair.split("=", 2)[0], pair.split("=", 2)[1]));

      String base = simulator.baseUri().toString();
      assertThat(exported)
          .containsEntry("ADO_CONNECT_DEVOPS_URL", base)
          .containsEntry("ADO_CONNECT_VSSPS_URL", base)
          .containsEntry("ADO_CONNECT_VSRM_URL", base)
          .containsEntry("ADO_CONNECT_LOGIN_URL", base)
          .containsKeys("ADO_CONNECT_HOME", "ADO_CONNECT_KEY_FILE");
      // A key file and data directory of their own: simulated accounts never meet real ones.
      assertThat(Path.of(exported.get("ADO_CONNECT_KEY_FILE")))
          .startsWithRaw(Path.of(exported.get("ADO_CONNECT_HOME")));
      assertThat(banner)
          .contains("PAT it accepts: " + SimulatorConfig.DEFAULT_PAT)
          .contains("single use")
          .contains(simulator.dataset().serverCollection().instanceId().toString());
    }
  }

  @Test
  void anAppRegistrationNeedsARedirectUriAndAReadableSecret(@TempDir Path tmp) throws Exception {
    try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
      Cli cli = new Cli(simulator, tmp);
      Cli.Run noRedirect = cli.invocation().raw().run("simulator", "--client-id", "team-app");
      noRedirect.assertExit(2);
      assertThat(noRedirect.err()).contains("--redirect-uri");
      Cli.Run orphan =
          cli.invocation().raw().run("simulator", "--redirect-uri", "http://127.0.0.1:1/cb");
      orphan.assertExit(2);
      assertThat(orphan.err()).contains("--client-id");
      Cli.Run missing =
          cli.invocation()
              .raw()
              .run(
                  "simulator",
                  "--client-id",
                  "team-app",
                  "--redirect-uri",
                  "http://127.0.0.1:1/cb",
                  "--client-secret-file",
                  tmp.resolve("nope").toString());
      missing.assertExit(2);
      assertThat(missing.err()).contains("can't be read");
      assertThat(missing.out()).doesNotContain("listening");
    }
  }
}
