package io.adoconnect.store;

import io.adoconnect.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Argument checks for the store's records, failing with {@link InvalidInputException}. */
final class Require {
  private Require() {}

  static String text(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(what + " is missing.", io.adoconnect.NextStep.NONE);
    }
    return value;
  }

  static <T> T present(T value, String what) {
    if (value == null) {
      throw new InvalidInputException(what + " is missing.", io.adoconnect.NextStep.NONE);
    }
    return value;
  }

  /** Instants are kept to the millisecond (see V1's schema), so a saved record reads back equal. */
  static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
