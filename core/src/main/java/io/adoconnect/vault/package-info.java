/**
 * Authenticated encryption of every stored secret (PATs, access and refresh tokens), so that the
 * store only ever holds ciphertext.
 *
 * <p>{@link io.adoconnect.vault.Vault} seals a {@link io.adoconnect.auth.Secret} with Tink's AEAD
 * (AES-256-GCM), binding the ciphertext to its account id, so a ciphertext copied to another account
 * does not open. The key comes from a {@link io.adoconnect.vault.KeySource}: an explicit key file for
 * headless machines ({@link io.adoconnect.vault.KeyFileSource}) and, later, the OS keychain. There is
 * no plaintext fallback: without a key source, {@link io.adoconnect.vault.KeySources} fails with a
 * {@link io.adoconnect.VaultException} that says how to configure one.
 */
package io.adoconnect.vault;
