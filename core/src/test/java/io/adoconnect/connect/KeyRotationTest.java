package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.auth.Secret;
import io.adoconnect.auth.entra.AuthorizationCodeFlow;
import io.adoconnect.store.Account;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.Owner;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Store;
import io.adoconnect.store.StoreException;
import io.adoconnect.store.StoreLocation;
import io.adoconnect.store.TestDatabase;
import io.adoconnect.vault.KeyFileSource;
import io.adoconnect.vault.Keyring;
import io.adoconnect.vault.Vault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys rotate}: a new master key for every data key, while the service keeps working. */
class KeyRotationTest {
  private static final Instant T0 = Instant.parse("2026-12-03T20:00:00Z");

  @TempDir Path dir;

  private Path dataDir() {
    return dir.resolve("data");
  }

  private KeyFileSource source() {
    return new KeyFileSource(dir.resolve("key"));
  }

  private Store store() {
    return Store.open(dataDir());
  }

  private KeyRotation rotation() {
    return KeyRotation.open(StoreLocation.sqlite(dataDir()), source(), dataDir());
  }

  private static Owner owner(int i) {
    return new Owner("app", "user-" + i);
  }

  private static Secret pat(Owner owner) {
    return Secret.of("pat-of-" + owner.key());
  }

  /** Saves an account with a PAT sealed by {@code vault} for {@code owner}. */
  private void saveAccount(Store store, Owner owner, Vault vault) {
    store
        .forOwner(owner)
        .saveAccount(account("acc1"), Map.of(SecretKind.PAT, vault.seal(pat(owner), "acc1")));
  }

  /** Owners 0 to {@code count - 1}: each PAT opens with a keyring loaded now. */
  private void assertEveryPatOpens(Store store, int count, String when) {
    Keyring keys = Keyring.open(source(), store.dataKeys());
    for (int i = 0; i < count; i++) {
      Owner owner = owner(i);
      byte[] sealed = store.forOwner(owner).sealedSecret("acc1", SecretKind.PAT).orElseThrow();
      assertThat(keys.vault(owner.key()).unseal(sealed, "acc1"))
          .as("%s: %s", when, owner)
          .isEqualTo(pat(owner));
    }
  }

  /** What the service would read: the owner's PAT, opened with a keyring loaded now. */
  private Secret readPat(Store store, Owner owner) {
    return Keyring.open(source(), store.dataKeys())
        .vault(owner.key())
        .unseal(store.forOwner(owner).sealedSecret("acc1", SecretKind.PAT).orElseThrow(), "acc1");
  }

  @Test
  void aStoreWrittenBeforeDataKeysOpensAndTheRotationMovesItsSecretsToDataKeys() {
    Store store = store();
    Vault old = Vault.open(source()); // how releases before data keys sealed
    for (Owner owner : List.of(Owner.LOCAL, owner(1), owner(2))) {
      saveAccount(store, owner, old);
    }
    for (Owner owner : List.of(Owner.LOCAL, owner(1), owner(2))) {
      assertThat(readPat(store, owner))
          .as("no one reconnects after upgrading")
          .isEqualTo(pat(owner));
    }
    long oldKey;
    try (KeyRotation rotation = rotation()) {
      KeyRotation.Status before = rotation.status();
      assertThat(before.secretsSealedByMasterKey()).isEqualTo(3);
      assertThat(before.rotationUnfinished()).isFalse();
      oldKey = before.primary();

      KeyRotation.Result result = rotation.rotate(KeyRotation.Progress.NONE);

      assertThat(result.secretsMoved()).isEqualTo(3);
      assertThat(result.retired()).containsExactly(oldKey);
      assertThat(result.resumed()).isFalse();
      KeyRotation.Status after = rotation.status();
      assertThat(after.masterKeys()).containsExactly(result.newKeyId());
      assertThat(after.dataKeysByMasterKey()).isEqualTo(Map.of(result.newKeyId(), 3));
      assertThat(after.secretsSealedByMasterKey()).isZero();
      assertThat(after.rotationUnfinished()).isFalse();
      assertThat(after.masterKeyStates()).containsEntry(oldKey, "retired");
    }
    for (Owner owner : List.of(Owner.LOCAL, owner(1), owner(2))) {
      assertThat(readPat(store, owner)).isEqualTo(pat(owner));
    }
  }

  @Test
  void theServiceKeepsReadingAndWritingSecretsWhileARotationRuns() throws Exception {
    Store store = store();
    Keyring writer = Keyring.open(source(), store.dataKeys());
    int owners = 150;
    for (int i = 0; i < owners; i++) {
      saveAccount(store, owner(i), writer.vault(owner(i).key()));
    }
    ConnectSettings settings =
        ConnectSettings.fromEnvironment(
            dataDir(), Map.of("ADO_CONNECT_KEY_FILE", dir.resolve("key").toString()));
    AtomicBoolean rotating = new AtomicBoolean(true);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger rounds = new AtomicInteger();
    Map<Owner, Secret> madeDuring = new ConcurrentHashMap<>();
    try (AdoConnect service = AdoConnect.open(settings)) {
      // the service's keys are loaded before the rotation starts
      Keyring serviceKeys = Keyring.open(source(), store.dataKeys());
      serviceKeys.vault(owner(0).key()).unseal(pat0(store), "acc1");
      webSignInRoundTrip(service, new Owner("app", "before"), "before");
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (int round = 0; rotating.get() || round < 3; round++) {
                    Owner existing = owner(round % owners);
                    byte[] sealed =
                        store.forOwner(existing).sealedSecret("acc1", SecretKind.PAT).orElseThrow();
                    assertThat(serviceKeys.vault(existing.key()).unseal(sealed, "acc1"))
                        .isEqualTo(pat(existing));
                    // a new end user's first secret, through the use cases, and back
                    Owner fresh = new Owner("app", "new-" + round);
                    webSignInRoundTrip(service, fresh, "state-" + round);
                    saveAccount(store, fresh, serviceKeys.vault(fresh.key()));
                    madeDuring.put(fresh, pat(fresh));
                    rounds.incrementAndGet();
                  }
                } catch (Throwable t) {
                  failure.set(t);
                }
              },
              "service");
      reader.start();
      KeyRotation.Result result;
      try (KeyRotation rotation = rotation()) {
        result = rotation.rotate(KeyRotation.Progress.NONE);
      } finally {
        rotating.set(false);
        reader.join();
      }
      assertThat(failure.get()).as("the service while rotating").isNull();
      assertThat(rounds.get()).isGreaterThan(2);
      assertThat(result.dataKeysResealed()).isGreaterThanOrEqualTo(owners);
      try (KeyRotation rotation = rotation()) {
        KeyRotation.Status status = rotation.status();
        assertThat(status.masterKeys()).containsExactly(result.newKeyId());
        assertThat(status.dataKeysByMasterKey()).containsOnlyKeys(result.newKeyId());
        assertThat(status.rotationUnfinished()).isFalse();
      }
    }
    assertEveryPatOpens(store, owners, "after the rotation");
    madeDuring.forEach((owner, pat) -> assertThat(readPat(store, owner)).isEqualTo(pat));
  }

  @Test
  void anInterruptedRotationLeavesEverySecretReadableAndTheNextOneFinishesIt() {
    Store store = store();
    Keyring writer = Keyring.open(source(), store.dataKeys());
    Vault old = Vault.open(source());
    for (int i = 0; i < 20; i++) {
      saveAccount(store, owner(i), i % 4 == 0 ? old : writer.vault(owner(i).key()));
    }
    long oldKey;
    // 15 data keys and 5 secrets sealed directly by the master key: stopped after the new key is
    // written, after 5 re-sealed data keys, after the last row (before the old key is marked
    // retired), and after the mark (before the key source drops the old key)
    List<Integer> stops = List.of(1, 5, 15, 1);
    try (KeyRotation rotation = rotation()) {
      oldKey = rotation.status().primary();
    }
    for (int stop : stops) {
      try (KeyRotation rotation = rotation()) {
        assertThatThrownBy(() -> rotation.rotate(stopAfter(stop))).isInstanceOf(Interrupted.class);
      }
      for (int i = 0; i < 20; i++) {
        assertThat(readPat(store, owner(i)))
            .as("after a stop at %d", stop)
            .isEqualTo(pat(owner(i)));
      }
      try (KeyRotation rotation = rotation()) {
        KeyRotation.Status status = rotation.status();
        assertThat(status.rotationUnfinished()).isTrue();
        assertThat(status.masterKeys()).contains(oldKey).hasSize(2);
      }
    }
    try (KeyRotation rotation = rotation()) {
      KeyRotation.Result result = rotation.rotate(KeyRotation.Progress.NONE);
      assertThat(result.resumed()).isTrue();
      assertThat(result.retired()).containsExactly(oldKey);
      KeyRotation.Status status = rotation.status();
      assertThat(status.masterKeys()).containsExactly(result.newKeyId());
      assertThat(status.secretsSealedByMasterKey()).isZero();
      assertThat(status.rotationUnfinished()).isFalse();
    }
    assertEveryPatOpens(store, 20, "after the rotation finished");
  }

  @Test
  void onPostgreSqlTooTheRotationMovesEverythingToTheNewKey() {
    try (TestDatabase.Instance database = TestDatabase.POSTGRESQL.create(dir)) {
      Store store = database.open();
      Vault old = Vault.open(source());
      Keyring keys = Keyring.open(source(), store.dataKeys());
      for (int i = 0; i < 10; i++) {
        saveAccount(store, owner(i), i % 2 == 0 ? old : keys.vault(owner(i).key()));
      }
      try (KeyRotation rotation = KeyRotation.open(database.location(), source(), dataDir())) {
        KeyRotation.Result result = rotation.rotate(KeyRotation.Progress.NONE);
        assertThat(result.secretsMoved()).isEqualTo(5);
        assertThat(result.dataKeysResealed()).isEqualTo(5);
        KeyRotation.Status status = rotation.status();
        assertThat(status.masterKeys()).containsExactly(result.newKeyId());
        assertThat(status.dataKeysByMasterKey()).isEqualTo(Map.of(result.newKeyId(), 10));
      }
      assertEveryPatOpens(store, 10, "on PostgreSQL");
    }
  }

  @Test
  void twoRotationsAtOnceAreRefused() {
    saveAccount(store(), Owner.LOCAL, Keyring.open(source(), store().dataKeys()).vault("local"));
    List<Throwable> second = new ArrayList<>();
    try (KeyRotation first = rotation()) {
      assertThatThrownBy(
              () ->
                  first.rotate(
                      (phase, done, total) -> {
                        if (done == 1) {
                          try (KeyRotation other = rotation()) {
                            other.rotate(KeyRotation.Progress.NONE);
                          } catch (StoreException e) {
                            second.add(e);
                          }
                          throw new Interrupted();
                        }
                      }))
          .isInstanceOf(Interrupted.class);
    }
    assertThat(second)
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("Another key rotation is running"));
  }

  /** A web sign-in kept for {@code owner} (its verifier sealed) and taken back (opened). */
  private static void webSignInRoundTrip(AdoConnect service, Owner owner, String stateHash) {
    Secret verifier = Secret.of("verifier-" + stateHash);
    service
        .forOwner(owner)
        .keepWebSignIn(
            new AuthorizationCodeFlow.Pending(
                URI.create("https://x/cb"), URI.create("https://x/cb"), Secret.of("s"), verifier),
            stateHash,
            "binding",
            "/",
            T0.plusSeconds(86_400 * 365));
    var taken = service.takeWebSignIn("s", stateHash, "binding", T0).orElseThrow();
    assertThat(taken.pending().codeVerifier()).isEqualTo(verifier);
    assertThat(taken.core().owner()).isEqualTo(owner.key());
  }

  private byte[] pat0(Store store) {
    return store.forOwner(owner(0)).sealedSecret("acc1", SecretKind.PAT).orElseThrow();
  }

  private static KeyRotation.Progress stopAfter(int changes) {
    return (phase, done, total) -> {
      if (done == changes) {
        throw new Interrupted();
      }
    };
  }

  /** Stands for the process dying between two changes (the CLI test kills a real one). */
  private static final class Interrupted extends RuntimeException {}

  private static Account account(String id) {
    return new Account(
        id,
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
