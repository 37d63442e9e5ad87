package io.adoconnect.store;

import java.time.Instant;

/**
 * The service's last refresh of its clone of one source.
 *
 * @param outcome what happened, e.g. {@code fetched}, {@code up_to_date}, {@code failed}
 * @param ref the branch the sync was about ({@code refs/heads/…}); null when the clone has none
 * @param commit the commit the clone holds for {@code ref} after the sync; null when it holds none
 * @param problem why it failed; null otherwise
 */
public record SourceSyncRecord(
    String sourceId, Instant syncedAt, String outcome, String ref, String commit, String problem) {
  public SourceSyncRecord {
    Require.text(sourceId, "The source id");
    syncedAt = Require.millis(Require.present(syncedAt, "The time of the sync"));
    Require.text(outcome, "The outcome");
  }
}
