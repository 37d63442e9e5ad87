package io.adoconnect.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A token, PAT, key or client secret. {@link #toString()} is masked so a secret inside a record,
 * log line or exception message prints as {@code Secret[****]}; only {@link #reveal()} gives the
 * value, and the only callers are the vault and the code that writes an {@code Authorization}
 * header.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret can't be empty");
    }
    return new Secret(value);
  }

  public String reveal() {
    return value;
  }

  public byte[] revealBytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }

  /** Constant-time comparison, so equality checks don't leak how much of a value matched. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && MessageDigest.isEqual(revealBytes(), s.revealBytes());
  }

  @Override
  public int hashCode() {
    return 0; // a hash of the value would leak information about it; secrets don't go in hash sets
  }
}
