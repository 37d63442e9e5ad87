package io.adoconnect.auth;

/**
 * Supplies the {@code Authorization} header for each request, so a PAT and a self-refreshing Entra
 * token are interchangeable behind the transport.
 */
public interface CredentialProvider {
  /** The full header value, e.g. {@code Basic …} or {@code Bearer …}. */
  Secret authorization();

  /** What to tell the user when Azure DevOps refuses this credential (401, 203 sign-in page). */
  String refusedHint();

  /**
   * Called once when Azure DevOps refused the credential: a renewable one (an Entra token revoked
   * before its expiry) renews itself and answers true, so the request is sent once more. A PAT
   * can't be renewed.
   */
  default boolean renewAfterRefusal() {
    return false;
  }
}
