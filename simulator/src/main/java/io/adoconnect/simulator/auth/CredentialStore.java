package io.adoconnect.simulator.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PATs and bearer tokens currently accepted; valid on every organization, vssps and the Server
 * collection.
 */
public final class CredentialStore {

  private final Set<String> pats = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> scopedPats = new ConcurrentHashMap<>();
  private final Set<String> bearerTokens = ConcurrentHashMap.newKeySet();

  /** Accepts {@code pat} from now on, with full access. */
  public void addPat(String pat) {
    pats.add(pat);
  }

  /**
   * Accepts {@code pat} from now on, for calls its {@code scopes} (e.g. {@code vso.code}) allow.
   */
  public void addScopedPat(String pat, Set<String> scopes) {
    pats.add(pat);
    scopedPats.put(pat, Set.copyOf(scopes));
  }

  /**
   * The scopes of the PAT in an accepted {@code Authorization} header; empty for full access and
   * for every other credential.
   */
  public Optional<Set<String>> scopesOf(String authorization) {
    String pair = authorization == null ? "" : basicPair(authorization);
    int colon = pair.indexOf(':');
    return colon < 0
        ? Optional.empty()
        : Optional.ofNullable(scopedPats.get(pair.substring(colon + 1)));
  }

  /** Stops accepting {@code pat}. */
  public void revokePat(String pat) {
    pats.remove(pat);
    scopedPats.remove(pat);
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

  private static String basicPair(String authorization) {
    return authorization.regionMatches(true, 0, "Basic ", 0, 6)
        ? decodeBase64(authorization.substring(6).trim())
        : "";
  }

  private static String decodeBase64(String text) {
    try {
      return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }
}
