package io.adoconnect.connect;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SourceSync} did for one source.
 *
 * @param directory the clone (it may not exist when the source was never cloned)
 * @param changes the remote branches and tags that moved, appeared or went (for a clone: all)
 * @param problem why it was not refreshed or failed; null otherwise
 */
public record SyncOutcome(
    SourceView source, Path directory, Kind kind, List<RefChange> changes, String problem) {

  public SyncOutcome {
    changes = List.copyOf(changes);
  }

  /** What happened. */
  public enum Kind {
    CLONED,
    FETCHED,
    UP_TO_DATE,
    /** The source's account is disconnected: the clone (if any) stays as it was. */
    NOT_REFRESHED,
    FAILED
  }

  /**
   * One ref that changed; {@code oldId} is null for a new ref, {@code newId} null for one that
   * went.
   */
  public record RefChange(String ref, String oldId, String newId) {}
}
