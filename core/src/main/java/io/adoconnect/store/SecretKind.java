package io.adoconnect.store;

import io.adoconnect.InvalidInputException;
import java.util.Locale;

/** Which of an account's secrets a ciphertext holds. At most one of each per account. */
public enum SecretKind {
  PAT,
  ACCESS_TOKEN,
  REFRESH_TOKEN;

  /** The name in the database, e.g. {@code refresh_token}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SecretKind fromWireName(String name) {
    for (SecretKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new InvalidInputException("Unknown secret kind '" + name + "'.", null);
  }
}
