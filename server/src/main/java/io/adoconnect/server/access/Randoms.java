package io.adoconnect.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random url-safe tokens and their constant-time comparison. */
public final class Randoms {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Randoms() {}

  /** {@code bytes} random bytes as unpadded base64url (32 bytes → 43 characters). */
  public static String token(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /**
   * Compares in constant time; both sides are hashed first so neither the content nor the length of
   * the expected value leaks through timing.
   */
  public static boolean same(String given, String expected) {
    if (given == null || expected == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(given), sha256(expected));
  }

  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
