package io.adoconnect.simulator.release;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.SimulatedUser;
import java.time.Duration;
import java.time.Instant;

/**
 * A release as created: its stages run one after another from {@code startedAt}, each for {@code
 * stage}; stage {@code i} is notStarted before {@code startedAt + i·stage}, inProgress until {@code
 * startedAt + (i+1)·stage}, then succeeded.
 */
record Release(
    int id,
    String name,
    ReleaseDefinition definition,
    String description,
    String artifactVersion,
    JsonNode variables,
    SimulatedUser createdBy,
    Instant createdOn,
    Instant startedAt,
    Duration stage) {

  /** The status of stage {@code rank} (0-based) at {@code now}. */
  String stageStatus(int rank, Instant now) {
    Instant begins = startedAt.plus(stage.multipliedBy(rank));
    Instant ends = begins.plus(stage);
    if (now.isBefore(begins)) {
      return "notStarted";
    }
    return now.isBefore(ends) ? "inProgress" : "succeeded";
  }

  /** When the stage last changed, or {@code createdOn} while it has not started. */
  Instant stageModifiedOn(int rank, Instant now) {
    Instant begins = startedAt.plus(stage.multipliedBy(rank));
    Instant ends = begins.plus(stage);
    return now.isBefore(begins) ? createdOn : now.isBefore(ends) ? begins : ends;
  }

  /** The same release with every stage finished at {@code now}. */
  Release completedBy(Instant now) {
    Instant start = now.minus(stage.multipliedBy(ReleaseDefinition.STAGES.size()));
    return new Release(
        id,
        name,
        definition,
        description,
        artifactVersion,
        variables,
        createdBy,
        createdOn,
        start.isBefore(startedAt) ? start : startedAt,
        stage);
  }
}
