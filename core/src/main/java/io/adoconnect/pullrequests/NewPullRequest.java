package io.adoconnect.pullrequests;

import io.adoconnect.InvalidInputException;
import java.util.List;

/**
 * A pull request to open: from {@code sourceBranch} into {@code targetBranch} ({@code main} or
 * {@code refs/heads/main}); reviewers by id or email; optional parts via {@code withXxx}.
 */
public record NewPullRequest(
    String sourceBranch,
    String targetBranch,
    String title,
    String description,
    List<String> reviewers,
    boolean draft) {

  public NewPullRequest {
    sourceBranch = Branches.refName(sourceBranch);
    targetBranch = Branches.refName(targetBranch);
    if (title == null || title.isBlank()) {
      throw new InvalidInputException(
          "A pull request needs a title.", "Give it a title that says what it does.");
    }
    if (sourceBranch.equals(targetBranch)) {
      throw new InvalidInputException(
          "The source and target branch are both " + sourceBranch + ".",
          "A pull request merges one branch into another; name two different branches.");
    }
    title = title.strip();
    reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
  }

  public NewPullRequest(String sourceBranch, String targetBranch, String title) {
    this(sourceBranch, targetBranch, title, null, List.of(), false);
  }

  public NewPullRequest withDescription(String text) {
    return new NewPullRequest(sourceBranch, targetBranch, title, text, reviewers, draft);
  }

  public NewPullRequest withReviewers(List<String> idsOrEmails) {
    return new NewPullRequest(sourceBranch, targetBranch, title, description, idsOrEmails, draft);
  }

  public NewPullRequest withDraft(boolean isDraft) {
    return new NewPullRequest(sourceBranch, targetBranch, title, description, reviewers, isDraft);
  }
}
