package io.adoconnect.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code repository_listings} table, for one owner. */
final class RepositoryListingRepository {
  private final String owner;

  RepositoryListingRepository(String owner) {
    this.owner = owner;
  }

  void put(Handle handle, StoredListing listing) {
    handle
        .createUpdate(
            "INSERT INTO repository_listings (owner, scope, accounts, listed_at, repositories)"
                + " VALUES (:owner, :scope, :accounts, :listedAt, :repositories)"
                + " ON CONFLICT (owner, scope) DO UPDATE SET accounts = excluded.accounts,"
                + " listed_at = excluded.listed_at, repositories = excluded.repositories")
        .bind("owner", owner)
        .bind("scope", listing.scope())
        .bind("accounts", listing.accounts())
        .bind("listedAt", Millis.of(listing.listedAt()))
        .bind("repositories", listing.repositories())
        .execute();
  }

  Optional<StoredListing> find(Handle handle, String scope) {
    return handle
        .createQuery(
            "SELECT scope, accounts, listed_at, repositories FROM repository_listings"
                + " WHERE owner = :owner AND scope = :scope")
        .bind("owner", owner)
        .bind("scope", scope)
        .map(
            (rs, ctx) ->
                new StoredListing(
                    rs.getString("scope"),
                    rs.getString("accounts"),
                    Instant.ofEpochMilli(rs.getLong("listed_at")),
                    rs.getString("repositories")))
        .findOne();
  }

  int deleteAll(Handle handle) {
    return handle
        .createUpdate("DELETE FROM repository_listings WHERE owner = :owner")
        .bind("owner", owner)
        .execute();
  }
}
