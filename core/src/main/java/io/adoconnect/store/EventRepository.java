package io.adoconnect.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code events} table, for one owner. */
final class EventRepository {
  private static final String COLUMNS =
      "event_id, subscription_id, event_type, organization, project, repository, repository_id,"
          + " received_at, trusted, verification, rechecked_at, payload";

  private final String owner;

  EventRepository(String owner) {
    this.owner = owner;
  }

  /**
   * Inserts the event unless its subscription already has one with its id; true when this call
   * stored it.
   */
  boolean insert(Handle handle, StoredEvent e) {
    // ON CONFLICT DO NOTHING: a duplicate delivery racing the first one can't fail or store twice.
    // The key is (owner, subscription, event id): another subscription's event with the same id
    // is another delivery.
    return handle
            .createUpdate(
                "INSERT INTO events (owner, "
                    + COLUMNS
                    + ") VALUES (:owner, :eventId, :subscriptionId, :eventType, :organization,"
                    + " :project, :repository, :repositoryId, :receivedAt, :trusted, :verification,"
                    + " :recheckedAt, :payload) ON CONFLICT DO NOTHING")
            .bind("owner", owner)
            .bind("eventId", e.eventId())
            .bind("subscriptionId", e.subscriptionId())
            .bind("eventType", e.eventType())
            .bind("organization", e.organization())
            .bind("project", e.project())
            .bind("repository", e.repository())
            .bind("repositoryId", e.repositoryId())
            .bind("receivedAt", Millis.of(e.receivedAt()))
            .bind("trusted", e.trusted() ? 1 : 0)
            .bind("verification", e.verification())
            .bind("recheckedAt", Millis.of(e.recheckedAt()))
            .bind("payload", e.payload())
            .execute()
        > 0;
  }

  void verify(
      Handle handle,
      String subscriptionId,
      String eventId,
      boolean trusted,
      String verification,
      Instant when) {
    handle
        .createUpdate(
            "UPDATE events SET trusted = :trusted, verification = :verification,"
                + " rechecked_at = :when"
                + " WHERE owner = :owner AND subscription_id = :subscriptionId"
                + " AND event_id = :eventId")
        .bind("owner", owner)
        .bind("subscriptionId", subscriptionId)
        .bind("eventId", eventId)
        .bind("trusted", trusted ? 1 : 0)
        .bind("verification", verification)
        .bind("when", Millis.of(when))
        .execute();
  }

  Optional<StoredEvent> find(Handle handle, String subscriptionId, String eventId) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM events WHERE owner = :owner AND subscription_id = :subscriptionId"
                + " AND event_id = :eventId")
        .bind("owner", owner)
        .bind("subscriptionId", subscriptionId)
        .bind("eventId", eventId)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  /**
   * Decides, untrusted with {@code verification}, every re-check still undecided for an event
   * received before {@code receivedBefore}: its receiver stopped before it was done.
   *
   * @return how many events it decided
   */
  int decideAbandoned(Handle handle, Instant receivedBefore, String verification, Instant now) {
    return handle
        .createUpdate(
            "UPDATE events SET trusted = 0, verification = :verification, rechecked_at = :now"
                + " WHERE owner = :owner AND rechecked_at IS NULL AND received_at < :before")
        .bind("owner", owner)
        .bind("verification", verification)
        .bind("now", Millis.of(now))
        .bind("before", Millis.of(receivedBefore))
        .execute();
  }

  /**
   * Deletes the events received before {@code receivedBefore}, then all but about the newest {@code
   * keep} (events received in the same millisecond as the oldest kept one stay too).
   *
   * @return how many rows it deleted
   */
  int prune(Handle handle, Instant receivedBefore, int keep) {
    int deleted =
        handle
            .createUpdate("DELETE FROM events WHERE owner = :owner AND received_at < :before")
            .bind("owner", owner)
            .bind("before", Millis.of(receivedBefore))
            .execute();
    Long oldestKept =
        handle
            .createQuery(
                "SELECT received_at FROM events WHERE owner = :owner"
                    + " ORDER BY received_at DESC LIMIT 1 OFFSET :offset")
            .bind("owner", owner)
            .bind("offset", keep - 1)
            .mapTo(Long.class)
            .findOne()
            .orElse(null);
    if (oldestKept != null) {
      deleted +=
          handle
              .createUpdate("DELETE FROM events WHERE owner = :owner AND received_at < :oldest")
              .bind("owner", owner)
              .bind("oldest", oldestKept)
              .execute();
    }
    return deleted;
  }

  /** Oldest first: from {@code since} on when given, else the newest {@code limit}. */
  List<StoredEvent> list(Handle handle, Instant since, int limit) {
    if (since != null) {
      return handle
          .createQuery(
              "SELECT "
                  + COLUMNS
                  + " FROM events WHERE owner = :owner AND received_at >= :since"
                  + " ORDER BY received_at, event_id LIMIT :limit")
          .bind("owner", owner)
          .bind("since", Millis.of(since))
          .bind("limit", limit)
          .map((rs, ctx) -> row(rs))
          .list();
    }
    List<StoredEvent> newest =
        new ArrayList<>(
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM events WHERE owner = :owner"
                        + " ORDER BY received_at DESC, event_id DESC LIMIT :limit")
                .bind("owner", owner)
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list());
    Collections.reverse(newest);
    return newest;
  }

  /**
   * When each repository last had a trusted push, keyed by {@link #repositoryKey}. Only pushes
   * change what a repository holds; trusted pull request and build events do not count.
   */
  Map<String, Instant> lastTrusted(Handle handle) {
    Map<String, Instant> last = new HashMap<>();
    handle
        .createQuery(
            "SELECT organization, repository_id, MAX(received_at) AS at FROM events"
                + " WHERE owner = :owner AND trusted = 1 AND repository_id IS NOT NULL"
                + " AND event_type = 'git.push'"
                + " GROUP BY organization, repository_id")
        .bind("owner", owner)
        .map(
            (rs, ctx) ->
                Map.entry(
                    repositoryKey(rs.getString("organization"), rs.getString("repository_id")),
                    Instant.ofEpochMilli(rs.getLong("at"))))
        .forEach(e -> last.merge(e.getKey(), e.getValue(), (a, b) -> a.isAfter(b) ? a : b));
    return last;
  }

  /** Organization and repository id, case-folded: how events and sources find each other. */
  static String repositoryKey(String organization, String repositoryId) {
    return (organization + "\n" + repositoryId).toLowerCase(Locale.ROOT);
  }

  private static StoredEvent row(ResultSet rs) throws SQLException {
    return new StoredEvent(
        rs.getString("event_id"),
        rs.getString("subscription_id"),
        rs.getString("event_type"),
        rs.getString("organization"),
        rs.getString("project"),
        rs.getString("repository"),
        rs.getString("repository_id"),
        Millis.read(rs, "received_at"),
        rs.getInt("trusted") == 1,
        rs.getString("verification"),
        Millis.read(rs, "rechecked_at"),
        rs.getString("payload"));
  }
}
