package io.adoconnect.store;

import io.adoconnect.InvalidInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code sources} table, for one owner. */
final class SourceRepository {
  private static final String COLUMNS =
      "id, account_id, host, organization, project, repository,"
          + " repository_id, clone_url, web_url, added_at";

  /** Case-insensitive, in Java rather than SQL, so SQLite and PostgreSQL list in the same order. */
  static final Comparator<Source> ORDER =
      Comparator.comparing(Source::organization, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(Source::project, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(Source::repository, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(Source::host, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(Source::id);

  private final String owner;

  SourceRepository(String owner) {
    this.owner = owner;
  }

  /** Inserts {@code source} unless the same repository is already there; returns the stored one. */
  Source add(Handle handle, Source source) {
    // DO NOTHING on the (owner, match_key) constraint also covers a second process adding the same
    // repository at the same moment: one insert wins and both read back the winner.
    handle
        .createUpdate(
            "INSERT INTO sources (owner, "
                + COLUMNS
                + ", match_key) VALUES (:owner, :id, :accountId,"
                + " :host, :organization, :project, :repository, :repositoryId, :cloneUrl, :webUrl, :addedAt, :matchKey)"
                + " ON CONFLICT DO NOTHING")
        .bind("owner", owner)
        .bind("id", source.id())
        .bind("accountId", source.accountId())
        .bind("host", source.host())
        .bind("organization", source.organization())
        .bind("project", source.project())
        .bind("repository", source.repository())
        .bind("repositoryId", source.repositoryId())
        .bind("cloneUrl", source.cloneUrl())
        .bind("webUrl", source.webUrl())
        .bind("addedAt", Millis.of(source.addedAt()))
        .bind("matchKey", source.matchKey())
        .execute();
    return handle
        .createQuery(
            "SELECT " + COLUMNS + " FROM sources WHERE owner = :owner AND match_key = :matchKey")
        .bind("owner", owner)
        .bind("matchKey", source.matchKey())
        .map((rs, ctx) -> row(rs))
        .findOne()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "The source id " + source.id() + " is already used by another repository.",
                    "Let ado-connect generate source ids (Ids.newId())."));
  }

  List<Source> list(Handle handle) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM sources WHERE owner = :owner")
        .bind("owner", owner)
        .map((rs, ctx) -> row(rs))
        .list()
        .stream()
        .sorted(ORDER)
        .toList();
  }

  Optional<Source> find(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM sources WHERE owner = :owner AND id = :id")
        .bind("owner", owner)
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  boolean delete(Handle handle, String id) {
    return handle
            .createUpdate("DELETE FROM sources WHERE owner = :owner AND id = :id")
            .bind("owner", owner)
            .bind("id", id)
            .execute()
        > 0;
  }

  private static Source row(ResultSet rs) throws SQLException {
    return new Source(
        rs.getString("id"),
        rs.getString("account_id"),
        rs.getString("host"),
        rs.getString("organization"),
        rs.getString("project"),
        rs.getString("repository"),
        rs.getString("repository_id"),
        rs.getString("clone_url"),
        rs.getString("web_url"),
        Millis.read(rs, "added_at"));
  }
}
