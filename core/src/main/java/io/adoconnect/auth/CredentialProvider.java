package io.adoconnect.auth;

import io.adoconnect.NextStep;
import io.adoconnect.http.GrantedScopes;

/**
 * Supplies the {@code Authorization} header for each request, so a PAT and a self-refreshing Entra
 * token are interchangeable behind the transport.
 */
public interface CredentialProvider {
  /** The full header value, e.g. {@code Basic …} or {@code Bearer …}. */
  Secret authorization();

  /**
   * What the user can do when Azure DevOps refuses this credential (401, 203 sign-in page): for a
   * saved account, a {@link NextStep.Action#RECONNECT} naming it; for one being connected, advice.
   */
  NextStep refused();

  /**
   * Called once when Azure DevOps refused the credential: a renewable one (an Entra token revoked
   * before its expiry) renews itself and answers true, so the request is sent once more. A PAT
   * can't be renewed.
   */
  default boolean renewAfterRefusal() {
    return false;
  }

  /**
   * What this credential may do: a Microsoft sign-in's granted permissions, checked before each
   * call. A PAT can't tell its own scopes, so it allows everything and Azure DevOps' refusal names
   * the missing scope.
   */
  default GrantedScopes granted() {
    return GrantedScopes.ALL;
  }
}
