package io.adoconnect.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real Secret Service (GNOME Keyring). Tagged {@code keychain}, so the normal build
 * skips it; {@code scripts/test} runs it inside a D-Bus session with an unlocked keyring and {@code
 * secret-tool}, {@code gdbus}, {@code dbus-run-session} and {@code gnome-keyring-daemon} installed.
 * Each test uses its own account under service {@code ado-connect} and deletes it afterwards.
 */
@Tag("keychain")
class KeychainKeySourceSecretServiceTest {
  private static final Secret PAT = Secret.of("pat-keychain-test-value");

  @TempDir Path dir;
  private final String account = "test-" + UUID.randomUUID();

  @BeforeAll
  static void needsTheSessionKeyring() {
    assertThat(System.getenv("DBUS_SESSION_BUS_ADDRESS"))
        .as("keychain tests run inside a D-Bus session with an unlocked keyring (see scripts/test)")
        .isNotBlank();
  }

  @AfterEach
  void deleteTheEntry() throws Exception {
    run(
        List.of("secret-tool", "clear", "service", "ado-connect", "account", account),
        Map.of(),
        "");
  }

  private KeychainKeySource source() {
    return new KeychainKeySource(account, Duration.ofSeconds(20));
  }

  @Test
  void createsTheKeyOnFirstUseAndReusesItAfterwards() throws Exception {
    assertThat(lookup().rc).as("no entry before the first use").isNotZero();

    Secret first = source().loadOrCreateKeyset();
    Secret again = source().loadOrCreateKeyset();

    assertThat(first.reveal()).contains("\"primaryKeyId\"");
    assertThat(again).as("a new source object reads the same key").isEqualTo(first);
    Keysets.parse(first, "test"); // a valid Tink keyset
  }

  @Test
  void theKeyIsVisibleToSecretToolUnderServiceAndAccount() throws Exception {
    Secret keyset = source().loadOrCreateKeyset();

    Result lookup = lookup();
    assertThat(lookup.rc).isZero();
    assertThat(lookup.out.strip()).isEqualTo(keyset.reveal());
  }

  @Test
  void usesAKeyAnotherToolStoredAndDoesNotReplaceIt() throws Exception {
    Secret stored = Secret.of(Keysets.generate().reveal().strip());
    store(stored.reveal());

    assertThat(source().loadOrCreateKeyset()).isEqualTo(stored);
    assertThat(lookup().out.strip()).as("still the same entry").isEqualTo(stored.reveal());
  }

  @Test
  void concurrentFirstUsesOfTwoSourcesAgreeOnOneKey() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Secret>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit((Callable<Secret>) () -> source().loadOrCreateKeyset()));
      }
      Secret first = results.get(0).get(60, TimeUnit.SECONDS);
      for (Future<Secret> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aVaultSealedWithTheKeychainOpensWithANewSourceAndInANewJvm() throws Exception {
    byte[] sealed = Vault.open(source()).seal(PAT, "acc1");

    assertThat(Vault.open(source()).unseal(sealed, "acc1")).isEqualTo(PAT);
    Result probe =
        probe(
            Map.of(), "unseal", account, "20", Base64.getEncoder().encodeToString(sealed), "acc1");
    assertThat(probe.lines("unsealed")).as(probe.toString()).containsExactly(PAT.reveal());
  }

  @Test
  void aCorruptEntryIsRefusedWithoutQuotingIt() throws Exception {
    store("{\"primaryKeyId\": 7, \"maybe-secret\": true}");

    assertThatThrownBy(() -> source().loadOrCreateKeyset())
        .isInstanceOf(VaultException.class)
        .hasMessage(
            "The encryption key in "
                + source().describe()
                + " is corrupt or not an ado-connect key.")
        .satisfies(
            e ->
                assertThat(e.getMessage() + ((VaultException) e).hint())
                    .doesNotContain("maybe-secret"));
  }

  @Test
  void theDefaultEnvironmentPicksTheKeychain() {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.remove(KeySources.KEY_FILE_VARIABLE);

    assertThat(KeySources.fromEnvironment(env)).isInstanceOf(KeychainKeySource.class);
  }

  @Test
  void withoutASessionBusANewProcessFailsFastWithTheHint() throws Exception {
    long start = System.nanoTime();
    Result probe =
        probe(Map.of("DBUS_SESSION_BUS_ADDRESS", "", "DISPLAY", ""), "load", account, "20");

    assertUnreachable(probe, "com.github.javakeyring.BackendNotSupportedException");
    assertThat(Long.parseLong(probe.lines("millis").get(0))).isLessThan(5_000);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aLockedKeyringFailsFastAndKeepsTheExistingKey() throws Exception {
    // A private D-Bus session whose login keyring holds a key and is then locked: headless, the
    // unlock prompt can't be shown, so ado-connect must fail with the hint, not create a new key.
    String script =
        String.join(
            "\n",
            "set -eu",
            "eval \"$(printf %s throwaway-password | gnome-keyring-daemon --unlock --components=secrets)\"",
            "printf %s existing-key | secret-tool store --label=existing service ado-connect account \"$ACCOUNT\"",
            "gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets"
                + " --method org.freedesktop.Secret.Service.Lock \"[objectpath '/org/freedesktop/secrets/collection/login']\" >/dev/null",
            "keyring=\"$HOME/.local/share/keyrings/login.keyring\"",
            "before=$(sha256sum \"$keyring\")",
            "\"$PROBE_JAVA\" -cp \"$PROBE_CP\" io.adoconnect.vault.KeychainProbe load \"$ACCOUNT\" 20",
            "if [ \"$before\" = \"$(sha256sum \"$keyring\")\" ]; then echo 'PROBE keyring unchanged'; else echo 'PROBE keyring changed'; fi");
    Files.createDirectories(dir.resolve("home"));
    Files.createDirectories(dir.resolve("run"));
    Files.setPosixFilePermissions(
        dir.resolve("run"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Map<String, String> env =
        Map.of(
            "HOME",
            dir.resolve("home").toString(),
            "XDG_RUNTIME_DIR",
            dir.resolve("run").toString(),
            "ACCOUNT",
            account,
            "PROBE_JAVA",
            javaCommand(),
            "PROBE_CP",
            System.getProperty("java.class.path"),
            "DISPLAY",
            "",
            "DBUS_SESSION_BUS_ADDRESS",
            "");

    long start = System.nanoTime();
    Result result = run(List.of("dbus-run-session", "--", "bash", "-c", script), env, "");

    assertUnreachable(result, "java.lang.NullPointerException");
    assertThat(result.lines("keyring")).as(result.toString()).containsExactly("unchanged");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aKeychainThatNeverAnswersTimesOut() throws Exception {
    // A "bus" that accepts the connection and then says nothing, as a hung keychain would.
    Path socket = dir.resolve("silent-bus");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      List<SocketChannel> accepted = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(server.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();

      Result probe =
          probe(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + socket), "load", account, "3");

      assertUnreachable(probe, "java.util.concurrent.TimeoutException");
      assertThat(Long.parseLong(probe.lines("millis").get(0))).isBetween(2_900L, 10_000L);
    }
  }

  private static void assertUnreachable(Result result, String cause) {
    assertThat(result.lines("message"))
        .as(result.toString())
        .containsExactly(KeySourcesTest.UNREACHABLE);
    assertThat(result.lines("hint"))
        .as(result.toString())
        .containsExactly(KeySourcesTest.UNREACHABLE_HINT);
    assertThat(result.lines("cause")).as(result.toString()).containsExactly(cause);
    assertThat(result.out).doesNotContain("PROBE ok");
  }

  private Result lookup() throws Exception {
    return run(
        List.of("secret-tool", "lookup", "service", "ado-connect", "account", account),
        Map.of(),
        "");
  }

  private void store(String value) throws Exception {
    Result stored =
        run(
            List.of(
                "secret-tool",
                "store",
                "--label=ado-connect test",
                "service",
                "ado-connect",
                "account",
                account),
            Map.of(),
            value);
    assertThat(stored.rc).as(stored.toString()).isZero();
  }

  private Result probe(Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                javaCommand(),
                "-cp",
                System.getProperty("java.class.path"),
                KeychainProbe.class.getName()));
    command.addAll(List.of(args));
    return run(command, env, "");
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs a command; an empty value in {@code env} removes that variable. */
  private static Result run(List<String> command, Map<String, String> env, String stdin)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    env.forEach(
        (name, value) -> {
          if (value.isEmpty()) {
            builder.environment().remove(name);
          } else {
            builder.environment().put(name, value);
          }
        });
    Process process = builder.start();
    try {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      Future<String> out =
          Executors.newSingleThreadExecutor(daemon())
              .submit(
                  () ->
                      new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      Future<String> err =
          Executors.newSingleThreadExecutor(daemon())
              .submit(
                  () ->
                      new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("hung: " + command);
      }
      return new Result(
          process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    } finally {
      process.destroyForcibly();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return task -> {
      Thread thread = new Thread(task);
      thread.setDaemon(true);
      return thread;
    };
  }

  private record Result(int rc, String out, String err) {
    /** The values of the {@code PROBE <name> <value>} lines. */
    List<String> lines(String name) {
      String prefix = "PROBE " + name + " ";
      return out.lines()
          .filter(line -> line.startsWith(prefix))
          .map(line -> line.substring(prefix.length()))
          .collect(Collectors.toList());
    }

    @Override
    public String toString() {
      return "rc=" + rc + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
