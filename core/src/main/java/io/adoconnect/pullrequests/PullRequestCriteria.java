package io.adoconnect.pullrequests;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Names;
import java.util.List;
import java.util.Locale;

/**
 * Which pull requests to list. {@code status} is active (default), completed, abandoned or all;
 * {@code creator} and {@code reviewer} are an id or an email (resolved through Azure DevOps
 * identities); {@code targetBranch} takes {@code main} or {@code refs/heads/main}. Null means any.
 * {@code top}: at most this many, 1 to {@link #MAX_TOP}; null lists every one.
 */
public record PullRequestCriteria(
    String status, String creator, String reviewer, String targetBranch, Integer top) {
  public static final List<String> STATUSES = List.of("active", "completed", "abandoned", "all");

  /** The most a limit may ask for: ten pages of Azure DevOps' pull request lists. */
  public static final int MAX_TOP = 1000;

  public PullRequestCriteria {
    if (top != null && (top < 1 || top > MAX_TOP)) {
      throw new InvalidInputException(
          "The limit must be between 1 and " + MAX_TOP + "; it was " + top + ".",
          "Ask for 1 to " + MAX_TOP + " pull requests.");
    }
    String given = status;
    status = status == null ? "active" : status.trim().toLowerCase(Locale.ROOT);
    if (!STATUSES.contains(status)) {
      throw new InvalidInputException(
          Names.shown(given, "status") + " is not a pull request status.",
          "Use one of: " + String.join(", ", STATUSES) + ".");
    }
    targetBranch = targetBranch == null ? null : Branches.refName(targetBranch);
  }

  /** Every one of them (no limit). */
  public PullRequestCriteria(String status, String creator, String reviewer, String targetBranch) {
    this(status, creator, reviewer, targetBranch, null);
  }

  /** Active pull requests. */
  public static PullRequestCriteria active() {
    return new PullRequestCriteria(null, null, null, null, null);
  }

  public PullRequestCriteria withStatus(String newStatus) {
    return new PullRequestCriteria(newStatus, creator, reviewer, targetBranch, top);
  }

  public PullRequestCriteria withCreator(String idOrEmail) {
    return new PullRequestCriteria(status, idOrEmail, reviewer, targetBranch, top);
  }

  public PullRequestCriteria withReviewer(String idOrEmail) {
    return new PullRequestCriteria(status, creator, idOrEmail, targetBranch, top);
  }

  public PullRequestCriteria withTargetBranch(String branch) {
    return new PullRequestCriteria(status, creator, reviewer, branch, top);
  }

  /** At most {@code limit} (1 to {@link #MAX_TOP}); null for every one. */
  public PullRequestCriteria withTop(Integer limit) {
    return new PullRequestCriteria(status, creator, reviewer, targetBranch, limit);
  }
}
