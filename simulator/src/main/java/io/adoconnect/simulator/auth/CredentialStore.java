package io.adoconnect.simulator.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PATs and bearer tokens currently accepted; valid on every organization, vssps and the Server
 * collection.
 */
public final class CredentialStore {

  private final Set<String> pats = ConcurrentHashMap.newKeySet();
  private final Set<String> bearerTokens = ConcurrentHashMap.newKeySet();

  /** Accepts {@code pat} from now on. */
  public void addPat(String pat) {
    pats.add(pat);
  }

  /** Stops accepting {@code pat}. */
  public void revokePat(String pat) {
    pats.remove(pat);
  }

  /** Accepts {@code token} as {@code Authorization: Bearer}. */
  public void addBearerToken(String token) {
    bearerTokens.add(token);
  }

  /**
   * Whether an {@code Authorization} header value carries an accepted credential: {@code Basic
   * base64(anyUser:PAT)} (the user name is ignored, as Azure DevOps does) or {@code Bearer token}.
   */
  public boolean accepts(String authorization) {
    if (authorization == null) {
      return false;
    }
    int space = authorization.indexOf(' ');
    if (space < 0) {
      return false;
    }
    String scheme = authorization.substring(0, space);
    String credential = authorization.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return bearerTokens.contains(credential);
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      String pair = decodeBase64(credential);
      int colon = pair.indexOf(':');
      return colon >= 0 && pats.contains(pair.substring(colon + 1));
    }
    return false;
  }

  private static String decodeBase64(String text) {
    try {
      return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }
}
