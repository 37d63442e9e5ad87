package io.adoconnect.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.auth.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A master key rotation with the key in the OS keychain (the real Secret Service, run by {@code
 * scripts/test} as for {@link KeychainKeySourceSecretServiceTest}): the entry holds both keys while
 * the rotation runs, then only the new one, and a process that loaded the old keyset follows.
 */
@Tag("keychain")
class KeychainRotationTest {
  private static final Secret PAT = Secret.of("pat-keychain-rotation-value");

  private final String account = "test-rotation-" + UUID.randomUUID();
  private final MemoryDataKeys dataKeys = new MemoryDataKeys();

  @BeforeAll
  static void needsTheSessionKeyring() {
    assertThat(System.getenv("DBUS_SESSION_BUS_ADDRESS"))
        .as("keychain tests run inside a D-Bus session with an unlocked keyring (see scripts/test)")
        .isNotBlank();
  }

  @AfterEach
  void deleteTheEntry() throws IOException, InterruptedException {
    Process clear =
        new ProcessBuilder("secret-tool", "clear", "service", "ado-connect", "account", account)
            .start();
    clear.waitFor(30, TimeUnit.SECONDS);
  }

  private KeychainKeySource source() {
    return new KeychainKeySource(account, Duration.ofSeconds(20));
  }

  @Test
  void theKeychainEntryHoldsBothKeysDuringARotationAndOnlyTheNewOneAfter() {
    Keyring service = Keyring.open(source(), dataKeys);
    byte[] sealed = service.vault("app/alice").seal(PAT, "acc1");
    long oldKey = dataKeys.rows.get("app/alice").masterKeyId();

    Keyring rotation = Keyring.open(source(), dataKeys);
    RotationPlan plan = rotation.beginRotation();
    assertThat(Keysets.ids(Keysets.parse(source().loadOrCreateKeyset(), "test"))).hasSize(2);
    dataKeys.retiring.addAll(plan.retiring());
    dataKeys.rows.put("app/alice", rotation.reseal("app/alice", dataKeys.rows.get("app/alice")));
    rotation.finishRotation(plan.retiring());

    assertThat(rotation.masterKeyIds().all())
        .containsExactly(plan.newKeyId())
        .doesNotContain(oldKey);
    // a data key this process has not opened yet: sealed by a key it didn't load, so it reads the
    // keychain again
    byte[] bobs = rotation.vault("app/bob").seal(PAT, "acc2");
    assertThat(service.vault("app/bob").unseal(bobs, "acc2")).isEqualTo(PAT);
    assertThat(Keyring.open(source(), dataKeys).vault("app/alice").unseal(sealed, "acc1"))
        .isEqualTo(PAT);
  }
}
