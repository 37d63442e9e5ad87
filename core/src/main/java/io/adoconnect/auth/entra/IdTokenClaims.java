package io.adoconnect.auth.entra;

/**
 * The verified id-token claims ado-connect keeps: who signed in ({@code name}, {@code
 * preferred_username}/{@code email}) and where ({@code tid}, {@code oid}).
 */
public record IdTokenClaims(
    String name, String preferredUsername, String email, String tenantId, String objectId) {
  /**
   * The e-mail-like sign-in name: {@code preferred_username} when it looks like one, else {@code
   * email}.
   */
  public String emailAddress() {
    if (preferredUsername != null && preferredUsername.contains("@")) {
      return preferredUsername;
    }
    return email;
  }
}
