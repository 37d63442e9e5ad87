package io.adoconnect.connect;

import io.adoconnect.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application's API key: {@code adc_<key id>_<secret>}, the secret 256 random bits in base64url.
 * The key id finds the stored row; only the SHA-256 of the whole key is stored, compared in
 * constant time. A plain SHA-256 is enough (no slow password hash): the key has 256 bits of
 * entropy, so the hash gives an attacker who reads the database nothing to guess. The prefix makes
 * a leaked key easy to recognise in logs and secret scanners (GitHub's {@code ghp_} habit).
 */
final class ApiKey {
  static final String PREFIX = "adc_";
  private static final Pattern FORMAT = Pattern.compile("adc_([a-z2-7]{12})_([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKey() {}

  /** A fresh key for {@code keyId}. */
  static Secret generate(String keyId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Secret.of(
        PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The key id of a well-formed key; empty for anything else (never echoed). */
  static Optional<String> keyId(Secret presented) {
    if (presented == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(presented.reveal());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Hex SHA-256 of the whole key, what the store keeps. */
  static String hash(Secret key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(key.reveal().getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Constant-time comparison of two hex hashes. */
  static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
