/**
 * Authenticated encryption of every stored secret (PATs, access and refresh tokens), so that the
 * store only ever holds ciphertext.
 *
 * <p>{@link io.adoconnect.vault.Vault} seals a {@link io.adoconnect.auth.Secret} with Tink's AEAD
 * (AES-256-GCM), binding the ciphertext to its account id, so a ciphertext copied to another
 * account does not open. Envelope encryption ({@link io.adoconnect.vault.Keyring}): each owner's
 * secrets are sealed with its own data key, and only the data keys with the master key, which a
 * rotation replaces while the service runs. The master key comes from a {@link
 * io.adoconnect.vault.KeySource}: by default the OS keychain ({@link
 * io.adoconnect.vault.KeychainKeySource}), or an explicit key file for headless machines ({@link
 * io.adoconnect.vault.KeyFileSource}, {@code ADO_CONNECT_KEY_FILE}). There is no plaintext
 * fallback: when neither is usable, {@link io.adoconnect.vault.KeySources} or the keychain source
 * fails with a {@link io.adoconnect.VaultException} that says how to get one.
 */
package io.adoconnect.vault;
