package io.adoconnect.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Seals secrets before they reach the store and opens them when a request needs them.
 *
 * <p>Encryption is Tink's AEAD (AES-256-GCM) with the account id as associated data: a ciphertext
 * only opens for the account it was sealed for, so rows swapped between accounts fail instead of
 * lending one user's token to another. Failures are {@link VaultException}s whose messages name the
 * key source but never contain plaintext, ciphertext or key material.
 *
 * <pre>{@code
 * Vault vault = Vault.open(KeySources.fromEnvironment(System.getenv()));
 * byte[] sealed = vault.seal(pat, account.id());
 * Secret again = vault.unseal(sealed, account.id());
 * }</pre>
 *
 * <p>Thread-safe: Tink primitives are.
 */
public final class Vault {
  /** Tink's ciphertext prefix: one version byte (0x01 for TINK keys) and the 4-byte key id. */
  private static final int TINK_PREFIX_SIZE = 5;

  private static final byte TINK_START_BYTE = 0x01;

  private final Aead aead;
  private final Set<Integer> keyIds;
  private final String keyDescription;

  private Vault(Aead aead, Set<Integer> keyIds, String keyDescription) {
    this.aead = aead;
    this.keyIds = keyIds;
    this.keyDescription = keyDescription;
  }

  /** Loads (or, on first use, creates) the key from {@code source}. */
  public static Vault open(KeySource source) {
    Objects.requireNonNull(source, "source");
    String where = source.describe();
    KeysetHandle handle = Keysets.parse(source.loadOrCreateKeyset(), where);
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < handle.size(); i++) {
      ids.add(handle.getAt(i).getId());
    }
    return new Vault(Keysets.aead(handle, where), Set.copyOf(ids), where);
  }

  /** Encrypts {@code plaintext} so that only this key, and only for {@code accountId}, opens it. */
  public byte[] seal(Secret plaintext, String accountId) {
    Objects.requireNonNull(plaintext, "plaintext");
    try {
      return aead.encrypt(plaintext.revealBytes(), associatedData(accountId));
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "A credential could not be encrypted with the key from " + keyDescription + ".",
          "Check that the key is an ado-connect key; if in doubt, delete it and connect your accounts again.");
    }
  }

  /**
   * Decrypts what {@link #seal} produced for the same {@code accountId}.
   *
   * @throws VaultException if the key differs, the ciphertext was altered, or it belongs to another
   *     account
   */
  public Secret unseal(byte[] ciphertext, String accountId) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    byte[] associatedData = associatedData(accountId);
    if (!sealedWithThisKey(ciphertext)) {
      throw keyMismatch();
    }
    byte[] plaintext;
    try {
      plaintext = aead.decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      // Deliberately no cause: nothing from the crypto layer ends up in logs.
      throw new VaultException(
          "A stored credential for account "
              + accountId
              + " could not be decrypted:"
              + " it was altered or belongs to another account.",
          "Disconnect the account and connect again.");
    }
    return Secret.of(new String(plaintext, StandardCharsets.UTF_8));
  }

  private boolean sealedWithThisKey(byte[] ciphertext) {
    if (ciphertext.length < TINK_PREFIX_SIZE || ciphertext[0] != TINK_START_BYTE) {
      return false;
    }
    int keyId =
        ((ciphertext[1] & 0xff) << 24)
            | ((ciphertext[2] & 0xff) << 16)
            | ((ciphertext[3] & 0xff) << 8)
            | (ciphertext[4] & 0xff);
    return keyIds.contains(keyId);
  }

  private VaultException keyMismatch() {
    return new VaultException(
        "A stored credential could not be decrypted: the key from "
            + keyDescription
            + " does not match the one it was sealed with.",
        "If the key file changed, restore it or disconnect and connect again.");
  }

  private static byte[] associatedData(String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    if (accountId.isBlank()) {
      throw new IllegalArgumentException("accountId can't be blank");
    }
    return accountId.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Vault[" + keyDescription + "]";
  }
}
