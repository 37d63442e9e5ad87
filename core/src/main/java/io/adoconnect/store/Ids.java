package io.adoconnect.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short random ids for accounts and sources: 12 characters of lowercase base32 (60 bits from {@link
 * SecureRandom}), safe in URLs, file names and shell arguments (e.g. {@code k3q7x2m4a9bd}). Ids are
 * made by the caller, not the database, so SQLite and PostgreSQL agree.
 */
public final class Ids {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Ids() {}

  /**
   * {@code prefix}, the time, a per-process sequence and a random id: unique, and sorting in the
   * order they were made within one process (log rows of the same millisecond keep their order).
   */
  public static String sortable(String prefix, Instant at) {
    return String.format(
        "%s_%012x%06x%s",
        prefix, at.toEpochMilli(), SEQUENCE.incrementAndGet() & 0xffffff, newId());
  }

  public static String newId() {
    char[] id = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
