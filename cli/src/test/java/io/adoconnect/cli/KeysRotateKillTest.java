package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.auth.Secret;
import io.adoconnect.store.Account;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.Owner;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Store;
import io.adoconnect.vault.KeyFileSource;
import io.adoconnect.vault.Keyring;
import io.adoconnect.vault.Vault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill -9 during {@code keys rotate} loses nothing: {@code keys rotate} runs as a real process
 * against a store of many owners, is stopped at a known change by the test-only {@link
 * KeysCommand#PAUSE_AFTER} and killed with SIGKILL there; every secret still opens, and the next
 * {@code keys rotate} finishes the rotation and removes the old key.
 */
class KeysRotateKillTest {
  private static final int OWNERS = 120;
  private static final Instant T0 = Instant.parse("2026-12-03T20:00:00Z");

  @TempDir Path dir;

  private Path dataDir() {
    return dir.resolve("data");
  }

  private Path keyFile() {
    return dir.resolve("key");
  }

  @Test
  void killedAtAnyStepTheRotationLosesNothingAndTheNextOneFinishesIt() throws Exception {
    try (Store store = Store.open(dataDir())) {
      Keyring keys = Keyring.open(new KeyFileSource(keyFile()), store.dataKeys());
      Vault old = Vault.open(new KeyFileSource(keyFile())); // as releases before data keys sealed
      for (int i = 0; i < OWNERS; i++) {
        Owner owner = owner(i);
        Vault vault = i % 5 == 0 ? old : keys.vault(owner.key());
        store
            .forOwner(owner)
            .saveAccount(account(), Map.of(SecretKind.PAT, vault.seal(pat(owner), "acc1")));
      }
    }
    String oldKey = keyIds().get(0);

    // 96 data keys and 24 secrets sealed by the master key: 1 key write, 120 rows, 2 final steps.
    // Killed right after the new key is written, in the data keys, in the moved secrets, after the
    // last row, and after the old key is marked retired (each resumed run counts from 1 again).
    int[] pauses = {1, 40, 70, 10, 1};
    for (int pause : pauses) {
      Process child = start(pause);
      try {
        String paused = awaitLine(child, "paused after change " + pause);
        assertThat(paused).as("the rotation reached change %d", pause).isNotNull();
      } finally {
        child.destroyForcibly(); // SIGKILL
        child.waitFor(30, TimeUnit.SECONDS);
      }
      assertThat(child.exitValue()).as("killed, not exited").isEqualTo(137);
      assertEverySecretOpens("after a kill at change " + pause);
      assertThat(keyIds()).as("the old key is kept until nothing uses it").contains(oldKey);
    }

    Process last = start(-1);
    List<String> err = new ArrayList<>();
    String out = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
    err.add(new String(last.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    assertThat(last.exitValue()).as("stderr: %s", err).isZero();
    JsonNode result = Cli.JSON.readTree(out);
    assertThat(result.path("resumed").asBoolean()).isTrue();
    assertThat(result.path("retiredKeyIds").get(0).asText()).isEqualTo(oldKey);
    assertThat(keyIds()).containsExactly(result.path("newKeyId").asText());
    assertEverySecretOpens("after the rotation finished");
    try (Store store = Store.open(dataDir())) {
      assertThat(store.dataKeys().countsByMasterKey())
          .isEqualTo(Map.of(result.path("newKeyId").asLong(), OWNERS));
    }
  }

  private void assertEverySecretOpens(String when) {
    try (Store store = Store.open(dataDir())) {
      Keyring keys = Keyring.open(new KeyFileSource(keyFile()), store.dataKeys());
      for (int i = 0; i < OWNERS; i++) {
        Owner owner = owner(i);
        byte[] sealed = store.forOwner(owner).sealedSecret("acc1", SecretKind.PAT).orElseThrow();
        assertThat(keys.vault(owner.key()).unseal(sealed, "acc1"))
            .as("%s: %s", when, owner)
            .isEqualTo(pat(owner));
      }
    }
  }

  /** The key ids in the key file, primary first. */
  private List<String> keyIds() throws IOException {
    JsonNode keyset = Cli.JSON.readTree(Files.readString(keyFile()));
    List<String> ids = new ArrayList<>();
    ids.add(keyset.path("primaryKeyId").asText());
    for (JsonNode key : keyset.path("key")) {
      if (!key.path("keyId").asText().equals(ids.get(0))) {
        ids.add(key.path("keyId").asText());
      }
    }
    return ids;
  }

  private Process start(int pauseAfter) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("keys", "rotate", "--json", "--data-dir", dataDir().toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("ADO_CONNECT_"));
    builder.environment().put("ADO_CONNECT_KEY_FILE", keyFile().toString());
    if (pauseAfter > 0) {
      builder.environment().put(KeysCommand.PAUSE_AFTER, Integer.toString(pauseAfter));
    }
    return builder.start();
  }

  /** The first stderr line containing {@code text}, or null when the process ends without it. */
  private static String awaitLine(Process child, String text) throws InterruptedException {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader err =
                  new BufferedReader(
                      new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                  lines.add(line);
                }
              } catch (IOException ignored) {
                // the process was killed
              }
              lines.add("\u0000EOF");
            },
            "keys-rotate-stderr");
    reader.setDaemon(true);
    reader.start();
    while (true) {
      String line = lines.poll(120, TimeUnit.SECONDS);
      if (line == null || line.equals("\u0000EOF")) {
        return null;
      }
      if (line.contains(text)) {
        return line;
      }
    }
  }

  private static Owner owner(int i) {
    return new Owner("app", "user-" + i);
  }

  private static Secret pat(Owner owner) {
    return Secret.of("pat-of-" + owner.key());
  }

  private static Account account() {
    return new Account(
        "acc1",
        ConnectionMethod.PAT,
        "services",
        "Ada Lovelace",
        "ada@fabrikam.com",
        null,
        null,
        T0,
        T0.plusSeconds(86_400 * 30),
        List.of("org-001"));
  }
}
