package io.adoconnect.store;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The {@code source_syncs} table, for one owner: one row per source, replaced by each sync. */
final class SourceSyncRepository {
  private final String owner;

  SourceSyncRepository(String owner) {
    this.owner = owner;
  }

  void put(Handle handle, SourceSyncRecord sync) {
    handle
        .createUpdate(
            "INSERT INTO source_syncs (owner, source_id, synced_at, outcome, ref, commit_id,"
                + " problem) VALUES (:owner, :sourceId, :syncedAt, :outcome, :ref, :commit,"
                + " :problem) ON CONFLICT (owner, source_id) DO UPDATE SET"
                + " synced_at = excluded.synced_at, outcome = excluded.outcome,"
                + " ref = excluded.ref, commit_id = excluded.commit_id, problem = excluded.problem")
        .bind("owner", owner)
        .bind("sourceId", sync.sourceId())
        .bind("syncedAt", Millis.of(sync.syncedAt()))
        .bind("outcome", sync.outcome())
        .bind("ref", sync.ref())
        .bind("commit", sync.commit())
        .bind("problem", sync.problem())
        .execute();
  }

  void delete(Handle handle, String sourceId) {
    handle
        .createUpdate("DELETE FROM source_syncs WHERE owner = :owner AND source_id = :sourceId")
        .bind("owner", owner)
        .bind("sourceId", sourceId)
        .execute();
  }

  /** Source id → its last sync. */
  Map<String, SourceSyncRecord> all(Handle handle) {
    return handle
        .createQuery(
            "SELECT source_id, synced_at, outcome, ref, commit_id, problem FROM source_syncs"
                + " WHERE owner = :owner")
        .bind("owner", owner)
        .map(
            (rs, ctx) ->
                new SourceSyncRecord(
                    rs.getString("source_id"),
                    Millis.read(rs, "synced_at"),
                    rs.getString("outcome"),
                    rs.getString("ref"),
                    rs.getString("commit_id"),
                    rs.getString("problem")))
        .list()
        .stream()
        .collect(Collectors.toMap(SourceSyncRecord::sourceId, Function.identity()));
  }
}
