package io.adoconnect.store;

import java.time.Instant;
import java.util.Optional;
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

  /**
   * Makes {@code head}'s generation the scope's listing and deletes every other generation but the
   * one it replaces (a reader may be going through it part by part).
   */
  void complete(Handle handle, StoredListing head) {
    String replaced = find(handle, head.scope()).map(StoredListing::generation).orElse("");
    handle
        .createUpdate(
            "INSERT INTO repository_listings (owner, scope, accounts, listed_at, generation, parts)"
                + " VALUES (:owner, :scope, :accounts, :listedAt, :generation, :parts)"
                + " ON CONFLICT (owner, scope) DO UPDATE SET accounts = excluded.accounts,"
                + " listed_at = excluded.listed_at, generation = excluded.generation,"
                + " parts = excluded.parts")
        .bind("owner", owner)
        .bind("scope", head.scope())
        .bind("accounts", head.accounts())
        .bind("listedAt", Millis.of(head.listedAt()))
        .bind("generation", head.generation())
        .bind("parts", head.parts())
        .execute();
    handle
        .createUpdate(
            "DELETE FROM repository_listing_parts WHERE owner = :owner AND scope = :scope"
                + " AND generation <> :generation AND generation <> :replaced")
        .bind("owner", owner)
        .bind("scope", head.scope())
        .bind("generation", head.generation())
        .bind("replaced", replaced)
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
            "SELECT scope, accounts, listed_at, generation, parts FROM repository_listings"
                + " WHERE owner = :owner AND scope = :scope")
        .bind("owner", owner)
        .bind("scope", scope)
        .map(
            (rs, ctx) ->
                new StoredListing(
                    rs.getString("scope"),
                    rs.getString("accounts"),
                    Instant.ofEpochMilli(rs.getLong("listed_at")),
                    rs.getString("generation"),
                    rs.getInt("parts")))
        .findOne();
  }

  /** Part {@code part} of {@code head}, if it is still there. */
  Optional<ListingPart> part(Handle handle, StoredListing head, int part) {
    return handle
        .createQuery(
            "SELECT part, organization, repositories FROM repository_listing_parts"
                + " WHERE owner = :owner AND scope = :scope AND generation = :generation"
                + " AND part = :part")
        .bind("owner", owner)
        .bind("scope", head.scope())
        .bind("generation", head.generation())
        .bind("part", part)
        .map(
            (rs, ctx) ->
                new ListingPart(
                    rs.getInt("part"), rs.getString("organization"), rs.getString("repositories")))
        .findOne();
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
