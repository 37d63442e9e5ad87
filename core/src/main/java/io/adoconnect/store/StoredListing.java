package io.adoconnect.store;

import java.time.Instant;

/**
 * The head of a complete repository listing kept for the next command; its organizations are kept
 * as parts of {@code generation}, read one at a time ({@link Store#readRepositoryListing}).
 *
 * @param scope which accounts and organization were asked for
 * @param accounts the fingerprint of the accounts it was listed with
 * @param generation which parts are this listing's (parts of other generations are being written,
 *     or left over)
 * @param parts how many parts (organizations) it has, numbered from 0
 */
public record StoredListing(
    String scope, String accounts, Instant listedAt, String generation, int parts) {
  public StoredListing {
    Require.text(scope, "The listing scope");
    Require.present(accounts, "The accounts fingerprint");
    Require.present(listedAt, "The listing time");
    Require.text(generation, "The listing generation");
    if (parts < 0) {
      throw new IllegalArgumentException("parts must be zero or positive");
    }
  }
}
