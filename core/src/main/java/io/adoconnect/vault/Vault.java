package io.adoconnect.vault;

import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Seals one owner's secrets before they reach the store and opens them when a request needs them.
 *
 * <p>Encryption is Tink's AEAD (AES-256-GCM) with the owner's data key ({@link Keyring}) and a
 * binding — the account id, or e.g. {@code hook_password:<id>} — as associated data: a ciphertext
 * only opens for the binding it was sealed for, so rows swapped between accounts fail instead of
 * lending one user's token to another, and only with its owner's data key. Failures are {@link
 * VaultException}s whose messages name the key source but never contain plaintext, ciphertext or
 * key material.
 *
 * <pre>{@code
 * Vault vault = Keyring.open(keySource, store.dataKeys()).vault(owner.key());
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

  private final Keyring keyring;
  private final String holder;
  private final MasterKey direct;

  Vault(Keyring keyring, String holder) {
    this.keyring = keyring;
    this.holder = holder;
    this.direct = null;
  }

  private Vault(MasterKey direct) {
    this.keyring = null;
    this.holder = null;
    this.direct = direct;
  }

  /**
   * A vault that seals with the master key from {@code source} itself, as releases before per-owner
   * data keys did: for tests and tools that write or read such stores, and for secrets that belong
   * to no store. Everything the connector stores goes through {@link Keyring#vault} instead.
   */
  public static Vault open(KeySource source) {
    Objects.requireNonNull(source, "source");
    return new Vault(MasterKey.load(source));
  }

  /**
   * Encrypts {@code plaintext} so that only this owner's key, and only for {@code binding}, opens
   * it.
   */
  public byte[] seal(Secret plaintext, String binding) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] associatedData = associatedData(binding);
    if (keyring != null) {
      return keyring.seal(holder, plaintext, binding);
    }
    try {
      return direct.aead().encrypt(plaintext.revealBytes(), associatedData);
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "A credential could not be encrypted with the key from " + direct.where() + ".",
          "Check that the key is an ado-connect key; if in doubt, delete it and connect your accounts again.");
    }
  }

  /**
   * Decrypts what {@link #seal} produced for the same {@code binding} (or what an older release
   * sealed directly with the master key).
   *
   * @throws VaultException if the key differs, the ciphertext was altered, or it belongs to another
   *     account or owner
   */
  public Secret unseal(byte[] ciphertext, String binding) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    byte[] associatedData = associatedData(binding);
    if (keyring != null) {
      return keyring.unseal(holder, ciphertext, binding);
    }
    Integer keyId = keyId(ciphertext);
    if (keyId == null || !direct.ids().contains(keyId)) {
      throw keyMismatch(direct.where());
    }
    try {
      return Secret.of(
          new String(direct.aead().decrypt(ciphertext, associatedData), StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw altered(binding);
    }
  }

  /** The Tink key id a ciphertext names in its prefix, or null when it has none. */
  static Integer keyId(byte[] ciphertext) {
    if (ciphertext.length < TINK_PREFIX_SIZE || ciphertext[0] != TINK_START_BYTE) {
      return null;
    }
    return ((ciphertext[1] & 0xff) << 24)
        | ((ciphertext[2] & 0xff) << 16)
        | ((ciphertext[3] & 0xff) << 8)
        | (ciphertext[4] & 0xff);
  }

  static VaultException keyMismatch(String keyDescription) {
    return new VaultException(
        "A stored credential could not be decrypted: the key from "
            + keyDescription
            + " does not match the one it was sealed with.",
        "If the key file changed, restore it or disconnect and connect again.");
  }

  /** Deliberately no cause: nothing from the crypto layer ends up in logs. */
  static VaultException altered(String binding) {
    return new VaultException(
        "A stored credential for account "
            + binding
            + " could not be decrypted:"
            + " it was altered or belongs to another account.",
        "Disconnect the account and connect again.");
  }

  static byte[] associatedData(String binding) {
    Objects.requireNonNull(binding, "accountId");
    if (binding.isBlank()) {
      throw new IllegalArgumentException("accountId can't be blank");
    }
    return binding.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return keyring != null
        ? "Vault[" + holder + ", " + keyring + "]"
        : "Vault[" + direct.where() + "]";
  }
}
