package io.adoconnect.simulator.pullrequests;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code PATCH .../pullrequests/{id}} changes: title, description, isDraft, and the status
 * moves active → completed | abandoned, abandoned → active. Completing needs {@code
 * lastMergeSourceCommit} at the source branch's tip and takes {@code
 * completionOptions.mergeStrategy} (GitPullRequestMergeStrategy: 1 noFastForward, 2 squash, 3
 * rebase, 4 rebaseMerge).
 */
final class PullRequestChanges {
  /** Index = the numeric form Azure DevOps also accepts; 0 is not a strategy. */
  static final List<String> MERGE_STRATEGIES =
      List.of("", "noFastForward", "squash", "rebase", "rebaseMerge");

  private static final List<String> STATUSES =
      List.of("notSet", "active", "abandoned", "completed");

  private PullRequestChanges() {}

  /** Applies {@code body} to {@code pr}; the error to answer, or null when it was applied. */
  static Response apply(PullRequestState pr, JsonNode body, SimulatedUser caller, Instant now) {
    Optional<String> status = Optional.empty();
    if (body.hasNonNull("status")) {
      status = Requests.enumName(body.get("status"), STATUSES);
      if (status.isEmpty() || status.get().equals("notSet")) {
        return Requests.invalid(
            "The pull request status '" + body.get("status").asText() + "' is not valid.");
      }
    }
    Optional<String> strategy = Optional.empty();
    JsonNode options = body.path("completionOptions");
    if (options.hasNonNull("mergeStrategy")) {
      strategy =
          Requests.enumName(options.get("mergeStrategy"), MERGE_STRATEGIES)
              .filter(s -> !s.isEmpty());
      if (strategy.isEmpty()) {
        return Requests.invalid(
            "The merge strategy '" + options.get("mergeStrategy").asText() + "' is not valid.");
      }
    }
    if (status.isPresent() && !status.get().equals(pr.status)) {
      Response refused = changeStatus(pr, status.get(), body, caller, now);
      if (refused != null) {
        return refused;
      }
      if (status.get().equals("completed")) {
        pr.mergeStrategy = strategy.orElse("noFastForward");
        pr.deleteSourceBranch = options.path("deleteSourceBranch").asBoolean(false);
      }
    } else if (!pr.active() && (body.has("title") || body.has("description"))) {
      // Wording unverified.
      return Requests.invalid("The pull request cannot be edited due to its state.");
    }
    if (body.hasNonNull("title")) {
      if (body.get("title").asText().isBlank()) {
        return Requests.invalid("The pull request title must be specified.");
      }
      pr.title = body.get("title").asText().trim();
    }
    if (body.has("description")) {
      pr.description = body.get("description").isNull() ? null : body.get("description").asText();
    }
    if (body.hasNonNull("isDraft")) {
      pr.draft = body.get("isDraft").asBoolean();
    }
    return null;
  }

  private static Response changeStatus(
      PullRequestState pr, String status, JsonNode body, SimulatedUser caller, Instant now) {
    if (pr.status.equals("completed")) {
      // Wording unverified.
      return Requests.invalid("The pull request cannot be edited due to its state.");
    }
    switch (status) {
      case "active" -> {
        pr.status = "active";
        pr.closed = null;
        pr.closedBy = null;
        return null;
      }
      case "abandoned" -> {
        pr.status = "abandoned";
        pr.closed = now;
        pr.closedBy = caller;
        return null;
      }
      default -> {
        if (pr.status.equals("abandoned")) {
          // Wording unverified.
          return Requests.invalid(
              "An abandoned pull request must be reactivated before it is completed.");
        }
        String given = body.path("lastMergeSourceCommit").path("commitId").asText("");
        if (given.isEmpty()) {
          // Wording unverified.
          return Requests.invalid(
              "The last merge source commit must be specified to complete a pull request.");
        }
        if (!given.equalsIgnoreCase(pr.source.commitId())) {
          // Wording and status unverified.
          return ErrorEnvelope.of(
              409,
              "TF401192: The pull request could not be completed because the source branch was"
                  + " updated. Refresh the pull request and try again.",
              "Microsoft.TeamFoundation.Git.Server.GitPullRequestStaleException"
                  + Requests.GIT_SERVER);
        }
        pr.status = "completed";
        pr.closed = now;
        pr.closedBy = caller;
        return null; // the merge commit comes from pushing onto the target (PullRequestEndpoints)
      }
    }
  }
}
