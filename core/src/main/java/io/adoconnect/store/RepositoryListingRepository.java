package io.adoconnect.store;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * The {@code repository_listings} heads and their {@code repository_listing_parts}, for one owner.
 */
final class RepositoryListingRepository {
  private final String owner;

  RepositoryListingRepository(String owner) {
    this.owner = owner;
  }

  void putPart(Handle handle, String scope, String generation, ListingPart part) {
    handle
        .createUpdate(
            "INSERT INTO repository_listing_parts"
                + " (owner, scope, generation, part, organization, repositories)"
                + " VALUES (:owner, :scope, :generation, :part, :organization, :repositories)")
        .bind("owner", owner)
        .bind("scope", scope)
        .bind("generation", generation)
        .bind("part", part.part())
        .bind("organization", part.organization())
        .bind("repositories", part.repositories())
        .execute();
  }

  /** Makes {@code head}'s generation the scope's listing and deletes every other generation. */
  void complete(Handle handle, StoredListing head) {
    handle
        .createUpdate(
            "INSERT INTO repository_listings (owner, scope, accounts, listed_at, generation)"
                + " VALUES (:owner, :scope, :accounts, :listedAt, :generation)"
                + " ON CONFLICT (owner, scope) DO UPDATE SET accounts = excluded.accounts,"
                + " listed_at = excluded.listed_at, generation = excluded.generation")
        .bind("owner", owner)
        .bind("scope", head.scope())
        .bind("accounts", head.accounts())
        .bind("listedAt", Millis.of(head.listedAt()))
        .bind("generation", head.generation())
        .execute();
    handle
        .createUpdate(
            "DELETE FROM repository_listing_parts WHERE owner = :owner AND scope = :scope"
                + " AND generation <> :generation")
        .bind("owner", owner)
        .bind("scope", head.scope())
        .bind("generation", head.generation())
        .execute();
  }

  void discard(Handle handle, String scope, String generation) {
    handle
        .createUpdate(
            "DELETE FROM repository_listing_parts WHERE owner = :owner AND scope = :scope"
                + " AND generation = :generation")
        .bind("owner", owner)
        .bind("scope", scope)
        .bind("generation", generation)
        .execute();
  }

  Optional<StoredListing> find(Handle handle, String scope) {
    return handle
        .createQuery(
            "SELECT scope, accounts, listed_at, generation FROM repository_listings"
                + " WHERE owner = :owner AND scope = :scope")
        .bind("owner", owner)
        .bind("scope", scope)
        .map(
            (rs, ctx) ->
                new StoredListing(
                    rs.getString("scope"),
                    rs.getString("accounts"),
                    Instant.ofEpochMilli(rs.getLong("listed_at")),
                    rs.getString("generation")))
        .findOne();
  }

  /** Hands the parts of {@code head} to {@code each} in order, one row at a time. */
  void parts(Handle handle, StoredListing head, Consumer<ListingPart> each) {
    handle
        .createQuery(
            "SELECT part, organization, repositories FROM repository_listing_parts"
                + " WHERE owner = :owner AND scope = :scope AND generation = :generation"
                + " ORDER BY part")
        .bind("owner", owner)
        .bind("scope", head.scope())
        .bind("generation", head.generation())
        .setFetchSize(1)
        .map(
            (rs, ctx) ->
                new ListingPart(
                    rs.getInt("part"), rs.getString("organization"), rs.getString("repositories")))
        .forEach(each);
  }

  int deleteAll(Handle handle) {
    handle
        .createUpdate("DELETE FROM repository_listing_parts WHERE owner = :owner")
        .bind("owner", owner)
        .execute();
    return handle
        .createUpdate("DELETE FROM repository_listings WHERE owner = :owner")
        .bind("owner", owner)
        .execute();
  }

  /**
   * Forgets the listings that include {@code organization} (folded to lower case); their parts go
   * when the scope is listed again.
   */
  int deleteWithOrganization(Handle handle, String organization) {
    return handle
        .createUpdate(
            "DELETE FROM repository_listings WHERE owner = :owner AND EXISTS (SELECT 1 FROM"
                + " repository_listing_parts p WHERE p.owner = repository_listings.owner"
                + " AND p.scope = repository_listings.scope"
                + " AND p.generation = repository_listings.generation"
                + " AND p.organization = :organization)")
        .bind("owner", owner)
        .bind("organization", organization)
        .execute();
  }
}
