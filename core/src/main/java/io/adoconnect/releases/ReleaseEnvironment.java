package io.adoconnect.releases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A stage of a release (Azure DevOps {@code ReleaseEnvironment}), or of a definition (then without
 * status).
 *
 * @param status {@code notStarted}, {@code queued}, {@code scheduled}, {@code inProgress}, {@code
 *     succeeded}, {@code partiallySucceeded}, {@code rejected}, {@code canceled} or {@code
 *     undefined}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseEnvironment(int id, String name, String status, int rank, Instant modifiedOn) {

  /** Whether the stage will not change any more by itself. */
  public boolean finished() {
    return status != null
        && switch (status) {
          case "succeeded", "partiallySucceeded", "rejected", "canceled" -> true;
          default -> false;
        };
  }
}
