package io.adoconnect.store;

import java.net.URI;
import java.time.Instant;

/**
 * A web sign-in waiting for its callback, as kept in {@code web_sign_ins}: hashes of its state and
 * browser binding, and its PKCE verifier sealed by the Vault. toString shows neither hash nor
 * ciphertext.
 */
public record PendingWebSignIn(
    String stateHash,
    Owner owner,
    String bindingHash,
    URI redirectUri,
    String returnTo,
    byte[] sealedVerifier,
    Instant expiresAt) {
  public PendingWebSignIn {
    Require.text(stateHash, "The state hash");
    Require.present(owner, "The owner");
    Require.text(bindingHash, "The binding hash");
    Require.present(redirectUri, "The redirect URI");
    Require.text(returnTo, "The return path");
    Require.present(sealedVerifier, "The sealed verifier");
    expiresAt = Require.millis(Require.present(expiresAt, "The expiry"));
  }

  @Override
  public String toString() {
    return "PendingWebSignIn[" + owner.key() + ", " + returnTo + ", " + expiresAt + "]";
  }
}
