package io.adoconnect.pullrequests;

import io.adoconnect.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * Which pull requests to list. {@code status} is active (default), completed, abandoned or all;
 * {@code creator} and {@code reviewer} are an id or an email (resolved through Azure DevOps
 * identities); {@code targetBranch} takes {@code main} or {@code refs/heads/main}. Null means any.
 */
public record PullRequestCriteria(
    String status, String creator, String reviewer, String targetBranch) {
  public static final List<String> STATUSES = List.of("active", "completed", "abandoned", "all");

  public PullRequestCriteria {
    status = status == null ? "active" : status.trim().toLowerCase(Locale.ROOT);
    if (!STATUSES.contains(status)) {
      throw new InvalidInputException(
          "'" + status + "' is not a pull request status.",
          "Use one of: " + String.join(", ", STATUSES) + ".");
    }
    targetBranch = targetBranch == null ? null : Branches.refName(targetBranch);
  }

  /** Active pull requests. */
  public static PullRequestCriteria active() {
    return new PullRequestCriteria(null, null, null, null);
  }

  public PullRequestCriteria withStatus(String newStatus) {
    return new PullRequestCriteria(newStatus, creator, reviewer, targetBranch);
  }

  public PullRequestCriteria withCreator(String idOrEmail) {
    return new PullRequestCriteria(status, idOrEmail, reviewer, targetBranch);
  }

  public PullRequestCriteria withReviewer(String idOrEmail) {
    return new PullRequestCriteria(status, creator, idOrEmail, targetBranch);
  }

  public PullRequestCriteria withTargetBranch(String branch) {
    return new PullRequestCriteria(status, creator, reviewer, branch);
  }
}
