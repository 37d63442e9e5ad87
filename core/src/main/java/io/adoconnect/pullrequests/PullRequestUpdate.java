package io.adoconnect.pullrequests;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Names;
import java.util.List;
import java.util.Locale;

/**
 * Changes to a pull request: a new {@code title} and/or {@code description} (null leaves them),
 * {@code addReviewers} (ids or emails), and a {@code status} to move it to ({@code completed},
 * merged with {@code mergeStrategy}, or {@code abandoned}; null leaves it). Applied in that order
 * by {@link RepositoryPullRequests#update}.
 */
public record PullRequestUpdate(
    String title,
    String description,
    List<String> addReviewers,
    String status,
    MergeStrategy mergeStrategy,
    boolean deleteSourceBranch) {

  /** The statuses a pull request can be moved to. */
  public static final List<String> STATUSES = List.of("completed", "abandoned");

  public PullRequestUpdate {
    if (title != null && title.isBlank()) {
      throw new InvalidInputException(
          "A pull request title cannot be empty.", "Give a title with words in it.");
    }
    title = title == null ? null : title.strip();
    addReviewers = addReviewers == null ? List.of() : List.copyOf(addReviewers);
    if (status != null) {
      String normalized = status.strip().toLowerCase(Locale.ROOT);
      if (!STATUSES.contains(normalized)) {
        throw new InvalidInputException(
            Names.shown(status, "status") + " is not a status a pull request can be moved to.",
            "Move it to completed (merging it) or abandoned.");
      }
      status = normalized;
    }
    mergeStrategy = mergeStrategy == null ? MergeStrategy.NO_FAST_FORWARD : mergeStrategy;
  }

  /** No change yet; add some with the {@code withXxx} methods. */
  public static PullRequestUpdate none() {
    return new PullRequestUpdate(null, null, List.of(), null, null, false);
  }

  public PullRequestUpdate withTitle(String newTitle) {
    return new PullRequestUpdate(
        newTitle, description, addReviewers, status, mergeStrategy, deleteSourceBranch);
  }

  public PullRequestUpdate withDescription(String text) {
    return new PullRequestUpdate(
        title, text, addReviewers, status, mergeStrategy, deleteSourceBranch);
  }

  public PullRequestUpdate withAddedReviewers(List<String> idsOrEmails) {
    return new PullRequestUpdate(
        title, description, idsOrEmails, status, mergeStrategy, deleteSourceBranch);
  }

  /** {@code completed} or {@code abandoned}. */
  public PullRequestUpdate withStatus(String newStatus) {
    return new PullRequestUpdate(
        title, description, addReviewers, newStatus, mergeStrategy, deleteSourceBranch);
  }

  public PullRequestUpdate withCompletion(MergeStrategy strategy, boolean deleteSource) {
    return new PullRequestUpdate(title, description, addReviewers, status, strategy, deleteSource);
  }

  /** Whether it changes the title or the description. */
  boolean edits() {
    return title != null || description != null;
  }

  boolean isEmpty() {
    return !edits() && addReviewers.isEmpty() && status == null;
  }
}
