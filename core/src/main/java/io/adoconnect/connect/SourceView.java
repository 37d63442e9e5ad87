package io.adoconnect.connect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.adoconnect.store.Source;
import io.adoconnect.store.SourceSyncRecord;
import java.time.Instant;

/**
 * A source as users see it: the repository, whether its account is still connected, when it last
 * changed — the arrival of its newest trusted {@code git.push} event ({@code null} when none came)
 * — and the service's last refresh of its clone ({@code null} when the service never fetched it).
 */
public record SourceView(
    String id,
    String organization,
    String project,
    String repository,
    String repositoryId,
    String cloneUrl,
    String webUrl,
    String accountId,
    Instant addedAt,
    String status,
    Instant lastChanged,
    LastSync lastSync) {

  /**
   * The service's last refresh of its clone of the source, after a trusted push.
   *
   * @param outcome {@code cloned}, {@code fetched}, {@code up_to_date} or {@code failed}
   * @param ref the branch it was about
   * @param commit the commit the clone holds for {@code ref} after it; null when none
   * @param problem why it failed; null otherwise
   */
  public record LastSync(Instant at, String outcome, String ref, String commit, String problem) {
    static LastSync of(SourceSyncRecord record) {
      return record == null
          ? null
          : new LastSync(
              record.syncedAt(), record.outcome(), record.ref(), record.commit(), record.problem());
    }
  }

  static SourceView of(Source source, boolean connected, Instant lastChanged) {
    return of(source, connected, lastChanged, null);
  }

  static SourceView of(
      Source source, boolean connected, Instant lastChanged, SourceSyncRecord lastSync) {
    return new SourceView(
        source.id(),
        source.organization(),
        source.project(),
        source.repository(),
        source.repositoryId(),
        source.cloneUrl(),
        source.webUrl(),
        source.accountId(),
        source.addedAt(),
        connected ? "connected" : "disconnected",
        lastChanged,
        LastSync.of(lastSync));
  }

  /**
   * Why the clone is not kept fresh, when it isn't: a disconnected account's source keeps its
   * clone, which can't be refreshed until the organization is connected again; null otherwise.
   */
  @JsonProperty("syncNote")
  public String syncNote() {
    return "connected".equals(status)
        ? null
        : "Its clone stays as it was and can't be refreshed until its organization is connected"
            + " again.";
  }

  /** {@code ORGANIZATION/PROJECT/REPOSITORY}, in JSON too. */
  @JsonProperty("path")
  public String path() {
    return organization + "/" + project + "/" + repository;
  }
}
