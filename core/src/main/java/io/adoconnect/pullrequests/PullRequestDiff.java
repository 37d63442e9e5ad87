package io.adoconnect.pullrequests;

import java.util.List;

/**
 * What a pull request changes, as of its latest iteration: each file against the merge base of its
 * source and target branches, as Azure DevOps' "Files" tab shows it.
 *
 * @param iteration the iteration (push) this reflects
 * @param baseCommit the merge base of source and target
 * @param headCommit the source branch's commit in that iteration
 * @param filesChanged how many files the pull request changes in all
 * @param files the files shown (all, unless {@code note} says otherwise), by path
 * @param note what was left out to stay within the limits; null when nothing was
 */
public record PullRequestDiff(
    int pullRequestId,
    int iteration,
    String baseCommit,
    String headCommit,
    int filesChanged,
    List<FileDiff> files,
    String note) {
  public PullRequestDiff {
    files = List.copyOf(files);
  }

  /** Every file's patch, one after another: what {@code git diff} would print. */
  public String unified() {
    StringBuilder out = new StringBuilder();
    for (FileDiff file : files) {
      if (file.patch() != null) {
        out.append(file.patch());
      } else {
        String from = file.originalPath() != null ? file.originalPath() : file.path();
        out.append("--- a").append(from).append('\n');
        out.append("+++ b").append(file.path()).append('\n');
        out.append("# ").append(file.note()).append('\n');
      }
    }
    return out.toString();
  }
}
