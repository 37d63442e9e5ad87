package io.adoconnect.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
  private static final Secret PAT = Secret.of("pat-5ecret-value-that-must-not-leak");

  @TempDir Path dir;

  private Vault vault(String keyName) {
    return Vault.open(new KeyFileSource(dir.resolve(keyName)));
  }

  @Test
  void sealedSecretsOpenAgain() {
    Vault vault = vault("key");
    byte[] sealed = vault.seal(PAT, "acc1");

    assertThat(vault.unseal(sealed, "acc1")).isEqualTo(PAT);
    assertThat(vault("key").unseal(sealed, "acc1"))
        .as("reopened with the same key file")
        .isEqualTo(PAT);
  }

  @Test
  void ciphertextDoesNotContainThePlaintext() {
    byte[] sealed = vault("key").seal(PAT, "acc1");

    assertThat(indexOf(sealed, PAT.revealBytes())).isEqualTo(-1);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("5ecret");
  }

  @Test
  void sealingTwiceGivesDifferentCiphertexts() {
    Vault vault = vault("key");
    assertThat(vault.seal(PAT, "acc1")).isNotEqualTo(vault.seal(PAT, "acc1"));
  }

  @Test
  void ciphertextMovedToAnotherAccountDoesNotOpen() {
    Vault vault = vault("key");
    byte[] sealed = vault.seal(PAT, "acc1");

    assertThatThrownBy(() -> vault.unseal(sealed, "acc2"))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("could not be decrypted")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PAT.reveal()));
  }

  @Test
  void tamperedCiphertextDoesNotOpen() {
    Vault vault = vault("key");
    byte[] sealed = vault.seal(PAT, "acc1");
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> vault.unseal(sealed, "acc1"))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("altered");
  }

  @Test
  void truncatedCiphertextDoesNotOpen() {
    assertThatThrownBy(() -> vault("key").unseal(new byte[] {1, 2}, "acc1"))
        .isInstanceOf(VaultException.class);
  }

  @Test
  void aDifferentKeySaysSo() {
    byte[] sealed = vault("key-a").seal(PAT, "acc1");
    Vault other = vault("key-b");

    assertThatThrownBy(() -> other.unseal(sealed, "acc1"))
        .isInstanceOf(VaultException.class)
        .hasMessage(
            "A stored credential could not be decrypted: the key from key file "
                + dir.resolve("key-b")
                + " does not match the one it was sealed with.")
        .extracting(e -> ((VaultException) e).hint())
        .isEqualTo("If the key file changed, restore it or disconnect and connect again.");
  }

  @Test
  void toStringShowsWhereTheKeyIsButNoKey() {
    KeyFileSource source = new KeyFileSource(dir.resolve("key"));
    Vault vault = Vault.open(source);
    String keyset = source.loadOrCreateKeyset().reveal();

    assertThat(vault.toString()).isEqualTo("Vault[key file " + dir.resolve("key") + "]");
    assertThat(source.toString()).isEqualTo("KeyFileSource[" + dir.resolve("key") + "]");
    assertThat(source.loadOrCreateKeyset().toString()).isEqualTo("Secret[****]");
    assertThat(vault.unseal(vault.seal(PAT, "a"), "a").toString()).isEqualTo("Secret[****]");
    assertThat(vault.toString() + source).doesNotContain(keyset).doesNotContain("value");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
