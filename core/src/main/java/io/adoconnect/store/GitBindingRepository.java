package io.adoconnect.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** The {@code git_bindings} table, for one owner; organization names are kept lower case. */
final class GitBindingRepository {
  private final String owner;

  GitBindingRepository(String owner) {
    this.owner = owner;
  }

  void put(Handle handle, GitBinding binding) {
    handle
        .createUpdate(
            "INSERT INTO git_bindings (owner, host, organization, account_id, bound_at)"
                + " VALUES (:owner, :host, :organization, :accountId, :boundAt)"
                + " ON CONFLICT (owner, host, organization) DO UPDATE SET"
                + " account_id = excluded.account_id, bound_at = excluded.bound_at")
        .bind("owner", owner)
        .bind("host", binding.host())
        .bind("organization", binding.organization().toLowerCase(Locale.ROOT))
        .bind("accountId", binding.accountId())
        .bind("boundAt", Millis.of(binding.boundAt()))
        .execute();
  }

  boolean delete(Handle handle, String host, String organization) {
    return handle
            .createUpdate(
                "DELETE FROM git_bindings WHERE owner = :owner AND host = :host"
                    + " AND organization = :organization")
            .bind("owner", owner)
            .bind("host", host)
            .bind("organization", organization.toLowerCase(Locale.ROOT))
            .execute()
        > 0;
  }

  /** Oldest first. */
  List<GitBinding> all(Handle handle) {
    return handle
        .createQuery(
            "SELECT host, organization, account_id, bound_at FROM git_bindings"
                + " WHERE owner = :owner ORDER BY bound_at, organization")
        .bind("owner", owner)
        .map(
            (rs, ctx) ->
                new GitBinding(
                    rs.getString("host"),
                    rs.getString("organization"),
                    rs.getString("account_id"),
                    Instant.ofEpochMilli(rs.getLong("bound_at"))))
        .list();
  }
}
