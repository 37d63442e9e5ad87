package io.adoconnect.store;

import java.time.Instant;

/**
 * A repository listing kept for the next command.
 *
 * @param scope which accounts and organization were asked for
 * @param accounts the fingerprint of the accounts it was listed with
 * @param repositories the listing, as JSON (the store doesn't read it)
 */
public record StoredListing(String scope, String accounts, Instant listedAt, String repositories) {
  public StoredListing {
    Require.text(scope, "The listing scope");
    Require.present(accounts, "The accounts fingerprint");
    Require.present(listedAt, "The listing time");
    Require.present(repositories, "The repositories");
  }
}
