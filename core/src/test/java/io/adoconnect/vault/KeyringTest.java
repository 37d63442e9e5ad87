package io.adoconnect.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envelope encryption: one data key per owner, sealed by the master key. */
class KeyringTest {
  private static final Secret PAT = Secret.of("pat-5ecret-value-that-must-not-leak");

  @TempDir Path dir;

  private final MemoryDataKeys dataKeys = new MemoryDataKeys();

  private KeyFileSource source() {
    return new KeyFileSource(dir.resolve("key"));
  }

  private Keyring keyring() {
    return Keyring.open(source(), dataKeys);
  }

  @Test
  void eachOwnerSealsWithItsOwnDataKeyAndNotWithTheMasterKey() {
    Keyring keyring = keyring();
    byte[] sealed = keyring.vault("app/alice").seal(PAT, "acc1");

    assertThat(keyring.vault("app/alice").unseal(sealed, "acc1")).isEqualTo(PAT);
    assertThat(Keyring.open(source(), dataKeys).vault("app/alice").unseal(sealed, "acc1"))
        .as("another process on the same key and store")
        .isEqualTo(PAT);
    assertThat(dataKeys.rows).containsOnlyKeys("app/alice");
    assertThatThrownBy(() -> Vault.open(source()).unseal(sealed, "acc1"))
        .as("the master key alone does not open it")
        .isInstanceOf(VaultException.class);
  }

  @Test
  void aSecretOfOwnerADoesNotOpenAsOwnerB() {
    Keyring keyring = keyring();
    byte[] sealed = keyring.vault("app/alice").seal(PAT, "acc1");
    keyring.vault("app/bob").seal(Secret.of("bob's"), "acc1"); // bob has a data key too

    assertThatThrownBy(() -> keyring.vault("app/bob").unseal(sealed, "acc1"))
        .isInstanceOf(VaultException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PAT.reveal()));
    assertThatThrownBy(() -> keyring.vault("app/carol").unseal(sealed, "acc1"))
        .as("an owner without a data key")
        .isInstanceOf(VaultException.class);
  }

  @Test
  void aDataKeyCopiedToAnotherOwnersRowDoesNotOpen() {
    keyring().vault("app/alice").seal(PAT, "acc1");
    byte[] bobs = keyring().vault("app/bob").seal(PAT, "acc1");
    dataKeys.rows.put("app/bob", dataKeys.rows.get("app/alice")); // swapped rows

    assertThatThrownBy(() -> keyring().vault("app/bob").unseal(bobs, "acc1"))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("data key of app/bob could not be opened");
  }

  @Test
  void aSecretSealedDirectlyWithTheMasterKeyByAnOlderReleaseStillOpens() {
    byte[] old = Vault.open(source()).seal(PAT, "acc1");

    Keyring keyring = keyring();
    assertThat(keyring.vault("local").unseal(old, "acc1")).isEqualTo(PAT);
    assertThat(keyring.sealedByMaster(old, "acc1")).isTrue();
    byte[] moved = keyring.moveToDataKey("local", old, "acc1").orElseThrow();
    assertThat(keyring.sealedByMaster(moved, "acc1")).isFalse();
    assertThat(keyring.vault("local").unseal(moved, "acc1")).isEqualTo(PAT);
    assertThat(keyring.moveToDataKey("local", moved, "acc1")).as("already moved").isEmpty();
    assertThatThrownBy(() -> keyring.vault("local").unseal(old, "acc2"))
        .as("the binding still holds")
        .isInstanceOf(VaultException.class);
  }

  @Test
  void aRotationReSealsDataKeysUnderANewKeyAndAServiceOnTheOldKeyFollows() {
    Keyring service = keyring();
    byte[] sealed = service.vault("app/alice").seal(PAT, "acc1");
    long oldKey = dataKeys.rows.get("app/alice").masterKeyId();

    Keyring rotation = Keyring.open(source(), dataKeys);
    RotationPlan plan = rotation.beginRotation();
    assertThat(plan.keyWritten()).isTrue();
    assertThat(plan.retiring()).containsExactly(oldKey);
    assertThat(rotation.masterKeyIds().all()).containsExactlyInAnyOrder(oldKey, plan.newKeyId());
    dataKeys.retiring.addAll(plan.retiring());

    // the service, still on the old key alone, makes a new owner's data key: refused under the
    // retiring key, it reads the key source again and seals with the new one
    byte[] bobs = service.vault("app/bob").seal(PAT, "acc2");
    assertThat(dataKeys.rows.get("app/bob").masterKeyId()).isEqualTo(plan.newKeyId());

    SealedDataKey alice = dataKeys.rows.get("app/alice");
    dataKeys.rows.put("app/alice", rotation.reseal("app/alice", alice));
    rotation.finishRotation(plan.retiring());

    assertThat(rotation.masterKeyIds().all()).containsExactly(plan.newKeyId());
    assertThat(dataKeys.masterKeyIds()).containsExactly(plan.newKeyId());
    Keyring fresh = Keyring.open(source(), dataKeys);
    assertThat(fresh.vault("app/alice").unseal(sealed, "acc1")).isEqualTo(PAT);
    assertThat(fresh.vault("app/bob").unseal(bobs, "acc2")).isEqualTo(PAT);
    assertThat(Keyring.open(source(), dataKeys).vault("app/alice").seal(PAT, "x")).isNotEmpty();
  }

  @Test
  void aRotationInterruptedAfterWritingItsKeyResumesWithThatKey() {
    keyring().vault("local").seal(PAT, "acc1");
    RotationPlan first = keyring().beginRotation();

    RotationPlan resumed = keyring().beginRotation();

    assertThat(resumed.keyWritten()).isFalse();
    assertThat(resumed.newKeyId()).isEqualTo(first.newKeyId());
    assertThat(resumed.retiring()).isEqualTo(first.retiring());
  }

  @Test
  void aDataKeySealedByAMasterKeyTheSourceLacksSaysSo() {
    keyring().vault("local").seal(PAT, "acc1");
    Keyring other = Keyring.open(new KeyFileSource(dir.resolve("other-key")), dataKeys);

    assertThatThrownBy(() -> other.vault("local").unseal(new byte[] {1, 2, 3, 4, 5, 6}, "acc1"))
        .isInstanceOf(VaultException.class);
    assertThatThrownBy(() -> other.vault("local").seal(PAT, "acc1"))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("does not hold");
    assertThat(Set.copyOf(dataKeys.rows.keySet())).containsExactly("local");
  }
}
