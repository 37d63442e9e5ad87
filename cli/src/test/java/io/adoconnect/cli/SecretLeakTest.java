package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Repository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The canary: a whole CLI session with a distinctive PAT and {@code --verbose} everywhere, then
 * every byte the session produced — stdout, stderr, logs, every file under the data dir (the SQLite
 * database and its WAL) — is searched for the PAT and its Basic-auth form.
 */
class SecretLeakTest {
  /** 52 characters like a classic PAT, and distinctive. */
  private static final String CANARY = "canary7q4x9m2k8p5w3z6n1b0v7c4r9t2y5u8i1o4e7a0s3d6f9g";

  private static final String WRONG = "canarywrong4x9m2k8p5w3z6n1b0v7c4r9t2y5u8i1o4e7a0s3d6";

  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private final ByteArrayOutputStream systemStreams = new ByteArrayOutputStream();
  private OutputStreamAppender<ILoggingEvent> appender;
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void captureLogsAndSystemStreams() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger %msg%n%ex{full}");
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(logs);
    appender.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    originalOut = System.out;
    originalErr = System.err;
    PrintStream tee = new PrintStream(systemStreams, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    appender.stop();
    // --verbose raises io.adoconnect to DEBUG for the rest of the JVM; don't leave that to other
    // tests.
    ((Logger) LoggerFactory.getLogger("io.adoconnect")).setLevel((Level) null);
  }

  @Test
  void noCommandPrintsLogsOrStoresThePat(@TempDir Path dir) throws IOException {
    try (Simulator simulator = Simulator.start(SimulatorConfig.builder().pat(CANARY).build())) {
      Cli cli = new Cli(simulator, dir);
      runSession(simulator, cli);

      assertThat(logs.toString(StandardCharsets.UTF_8))
          .as("--verbose logged the requests, so the scan below covers them")
          .contains("GET " + simulator.baseUri());

      Map<String, byte[]> haystacks = new LinkedHashMap<>();
      for (Cli.Run run : cli.runs()) {
        haystacks.put(
            "stdout of ado-connect " + String.join(" ", run.args()),
            run.out().getBytes(StandardCharsets.UTF_8));
        haystacks.put(
            "stderr of ado-connect " + String.join(" ", run.args()),
            run.err().getBytes(StandardCharsets.UTF_8));
      }
      haystacks.put("log events", logs.toByteArray());
      haystacks.put("System.out/System.err", systemStreams.toByteArray());
      List<Path> files = filesUnder(dir);
      assertThat(files)
          .as("the store was written")
          .anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".db"));
      for (Path file : files) {
        haystacks.put("file " + dir.relativize(file), Files.readAllBytes(file));
      }

      List<String> needles = new ArrayList<>();
      for (String secret : List.of(CANARY, WRONG)) {
        needles.add(secret);
        needles.add(
            Base64.getEncoder().encodeToString((":" + secret).getBytes(StandardCharsets.UTF_8)));
        needles.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        needles.add(
            secret.substring(
                6,
                30)); // a distinctive middle part, in case of truncation or masking with a prefix
      }
      List<String> leaks = new ArrayList<>();
      haystacks.forEach(
          (where, bytes) -> {
            for (String needle : needles) {
              if (contains(bytes, needle.getBytes(StandardCharsets.UTF_8))
                  || contains(bytes, needle.getBytes(StandardCharsets.UTF_16LE))) {
                leaks.add(where + " contains " + needle);
              }
            }
          });
      assertThat(leaks).as("secrets found in %d outputs and files", haystacks.size()).isEmpty();

      assertThat(Files.getPosixFilePermissions(cli.keyFile))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      for (Path file : filesUnder(cli.dataDir)) {
        assertThat(Files.getPosixFilePermissions(file))
            .as("%s is readable by its owner only", file.getFileName())
            .doesNotContain(
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_WRITE);
      }
    }
  }

  /** Every command, successes and failures, all with --verbose. */
  private static void runSession(Simulator simulator, Cli cli) throws IOException {
    String base = cli.base();
    String services = cli.connectedAccount("--org", "org-001", "--org", "org-002", "--verbose");
    cli.invocation()
        .stdin(CANARY)
        .run("connect", "pat", "--org", "org-003", "--verbose")
        .assertOk();
    String server =
        cli.connectedAccount(
            "--server", base + "/tfs", "--collection", "DefaultCollection", "--verbose");
    cli.invocation()
        .env("ADO_CONNECT_PAT", CANARY)
        .run("connect", "pat", "--server", base, "--collection", "DefaultCollection", "--verbose")
        .assertOk();
    cli.invocation()
        .interactive(prompt -> CANARY.toCharArray())
        .run("connect", "pat", "--org", "org-002", "--verbose")
        .assertOk();

    cli.run("test", services, "--verbose").assertOk();
    cli.run("test", server, "--json", "--verbose").assertOk();
    cli.run("accounts", "--verbose").assertOk();
    cli.run("accounts", "--json", "--verbose").assertOk();
    cli.run("repos", "--verbose").assertOk();
    cli.run("repos", "--json", "--verbose").assertOk();
    cli.run("repos", "--org", "org-001", "--account", services, "--verbose").assertOk();
    // retries and fallbacks log too
    simulator.throttleNext("/org-001/_apis/git/repositories", 1, 1);
    simulator.failNext("/org-002/_apis/git/repositories", 404, 1);
    cli.run("repos", "--account", services, "--verbose").assertOk();

    Repository repo =
        simulator.dataset().organization("org-001").orElseThrow().repositories().stream()
            .filter(Repository::cloneable)
            .findFirst()
            .orElseThrow();
    String path = "org-001/" + repo.project().name() + "/" + repo.name();
    String sourceId =
        cli.run("sources", "add", path, "--json", "--verbose")
            .assertOk()
            .json()
            .path("id")
            .asText();
    cli.run("sources", "add", path, "--verbose").assertOk();
    cli.run("sources", "add", "org-001/" + repo.project().name() + "/nope", "--verbose")
        .assertExit(2);
    cli.run("sources", "list", "--verbose").assertOk();
    cli.run("sources", "list", "--json", "--verbose").assertOk();
    cli.run("sources", "remove", sourceId, "--verbose").assertOk();
    cli.run("sources", "add", path, "--verbose").assertOk();

    // the operator rotates the master key: the tokens stay usable, and nothing prints them
    cli.run("keys", "status", "--verbose").assertOk();
    cli.run("keys", "rotate", "--verbose").assertOk();
    cli.run("keys", "rotate", "--json", "--verbose").assertOk();
    cli.run("keys", "status", "--json", "--verbose").assertOk();
    cli.run("test", services, "--verbose").assertOk();

    // error paths
    cli.invocation()
        .stdin(WRONG)
        .run("connect", "pat", "--org", "org-001", "--verbose")
        .assertExit(3);
    cli.invocation()
        .stdin(WRONG)
        .run(
            "connect",
            "pat",
            "--server",
            base + "/tfs",
            "--collection",
            "DefaultCollection",
            "--verbose")
        .assertExit(3);
    cli.invocation()
        .stdin(CANARY)
        .run("connect", "pat", "--org", "org-999", "--verbose")
        .assertExit(2);
    cli.invocation()
        .stdin(CANARY + " " + CANARY)
        .run("connect", "pat", "--org", "org-001", "--verbose")
        .assertExit(2);
    cli.invocation()
        .stdin(CANARY)
        .env("ADO_CONNECT_KEY_FILE", null)
        .run("connect", "pat", "--org", "org-001", "--verbose")
        .assertExit(3);
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    cli.invocation()
        .stdin(CANARY)
        .env("ADO_CONNECT_DEVOPS_URL", "http://127.0.0.1:" + closedPort)
        .run("connect", "pat", "--org", "org-001", "--verbose")
        .assertExit(4);
    cli.run("sources", "remove", "nope", "--verbose").assertExit(2);
    cli.run("test", "nope", "--verbose").assertExit(2);

    cli.run("disconnect", server, "--verbose").assertOk();
    cli.run("disconnect", server, "--json", "--verbose").assertExit(2);
    cli.run("sources", "list", "--verbose").assertOk();

    // a failing org in a listing, then a revoked token
    simulator.failNext("/org-002/", 500, 40);
    cli.run("repos", "--account", services, "--verbose");
    simulator.revokePat(CANARY);
    cli.run("test", services, "--verbose").assertExit(3);
    cli.run("repos", "--verbose").assertExit(3);
    cli.run("sources", "add", path, "--verbose").assertExit(3);
    cli.run("disconnect", services, "--json", "--verbose").assertOk();
    cli.run("accounts", "--json", "--verbose").assertOk();
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
