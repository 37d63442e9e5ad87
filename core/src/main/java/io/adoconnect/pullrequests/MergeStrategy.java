package io.adoconnect.pullrequests;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Names;
import java.util.Arrays;

/** How completing a pull request merges it (GitPullRequestMergeStrategy). */
public enum MergeStrategy {
  NO_FAST_FORWARD("noFastForward"),
  SQUASH("squash"),
  REBASE("rebase"),
  REBASE_MERGE("rebaseMerge");

  private final String wireName;

  MergeStrategy(String wireName) {
    this.wireName = wireName;
  }

  /** As Azure DevOps spells it, e.g. {@code noFastForward}. */
  public String wireName() {
    return wireName;
  }

  /** From the wire name (case-insensitive) or the constant name. */
  public static MergeStrategy parse(String text) {
    return Arrays.stream(values())
        .filter(s -> s.wireName.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    Names.shown(text, "merge strategy") + " is not a merge strategy.",
                    "Use one of: noFastForward, squash, rebase, rebaseMerge."));
  }
}
