package io.adoconnect.store;

import io.adoconnect.InvalidInputException;
import java.util.Locale;

/**
 * Which secret a ciphertext holds: one of an account's (at most one of each per account), or a
 * service hook subscription's basic-auth password ({@link #HOOK_PASSWORD}, kept with the
 * subscription and sealed for {@link #sealedFor(String) its id}).
 */
public enum SecretKind {
  PAT,
  ACCESS_TOKEN,
  REFRESH_TOKEN,
  /**
   * The refresh token the newest one replaced, kept as a fallback for providers that leave a used
   * refresh token valid (see the connect package's EntraTokens).
   */
  PREVIOUS_REFRESH_TOKEN,
  HOOK_PASSWORD;

  /**
   * What the Vault binds a ciphertext of this kind to: the account id for account secrets; {@code
   * hook_password:<subscription id>} for hook passwords, so one can't pass for an account's token.
   */
  public String sealedFor(String ownerId) {
    return this == HOOK_PASSWORD ? wireName() + ":" + ownerId : ownerId;
  }

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
    throw new InvalidInputException(
        "Unknown secret kind '" + name + "'.", io.adoconnect.NextStep.NONE);
  }
}
