package io.adoconnect.simulator.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.http.Scope;
import java.time.Instant;

/**
 * One build (and pipeline run: same id) at one moment; {@link BuildQueue} replaces it as it moves
 * from {@code notStarted} to {@code inProgress} to {@code completed}.
 *
 * @param scope where it was queued, for the URLs in its JSON
 * @param parameters the JSON-encoded string of classic variables, or {@code null}
 * @param templateParameters runtime parameters ({@code {}} when none)
 * @param variables the run's variables as {@code name → {value, isSecret}} ({@code {}} when none)
 * @param plannedStart when an agent picks it up
 * @param plannedFinish when it completes
 * @param fails whether it completes as {@code failed} instead of {@code succeeded}
 * @param status {@code notStarted}, {@code inProgress} or {@code completed}
 * @param result {@code null} until completed
 */
public record QueuedBuild(
    int id,
    Scope scope,
    Collection collection,
    BuildDefinition definition,
    String buildNumber,
    String sourceBranch,
    String sourceVersion,
    String parameters,
    ObjectNode templateParameters,
    ObjectNode variables,
    SimulatedUser requestedBy,
    Instant queueTime,
    Instant plannedStart,
    Instant plannedFinish,
    boolean fails,
    String status,
    String result) {

  boolean completed() {
    return status.equals("completed");
  }

  QueuedBuild started(Instant at) {
    return new QueuedBuild(
        id,
        scope,
        collection,
        definition,
        buildNumber,
        sourceBranch,
        sourceVersion,
        parameters,
        templateParameters,
        variables,
        requestedBy,
        queueTime,
        at,
        plannedFinish.isBefore(at) ? at : plannedFinish,
        fails,
        "inProgress",
        null);
  }

  QueuedBuild finished(Instant at) {
    Instant start = plannedStart.isAfter(at) ? at : plannedStart;
    return new QueuedBuild(
        id,
        scope,
        collection,
        definition,
        buildNumber,
        sourceBranch,
        sourceVersion,
        parameters,
        templateParameters,
        variables,
        requestedBy,
        queueTime,
        start,
        at,
        fails,
        "completed",
        fails ? "failed" : "succeeded");
  }
}
