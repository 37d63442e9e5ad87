package io.adoconnect.vault;

import io.adoconnect.auth.Secret;

/**
 * Where the vault's key lives. A source hands back a Tink keyset serialized as JSON (the format of
 * {@link Keysets}); on first use it creates a fresh AES-256-GCM keyset and persists it, so every
 * later call returns the same one. Implementations persist only that JSON string, which is what
 * lets a file and an OS keychain entry stand in for each other.
 */
public interface KeySource {

  /**
   * Where the key is, for messages: e.g. {@code key file /home/me/.ado-connect/key}. Never key
   * material.
   */
  String describe();

  /**
   * Returns the keyset JSON, creating and persisting it on first use.
   *
   * @throws io.adoconnect.VaultException if the key can't be read, created, or is unsafe to use
   */
  Secret loadOrCreateKeyset();

  /**
   * Replaces the keyset with {@code keysetJson} in one step: a process reading the key meanwhile
   * gets the old keyset or the new one, never a mix or nothing. Only key rotation calls this, and
   * only with a keyset that still holds every key a stored row may be sealed with.
   *
   * @throws io.adoconnect.VaultException if the key can't be written; the old keyset then stays
   */
  void replaceKeyset(Secret keysetJson);
}
