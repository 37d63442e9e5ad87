package io.adoconnect.builds;

import io.adoconnect.InvalidInputException;

/**
 * Which builds to list, newest first: optionally one definition and one branch, at most {@code top}
 * (default 20).
 *
 * @param definitionId null for every definition
 * @param branch a full ref or null
 */
public record BuildQuery(Integer definitionId, String branch, int top) {
  public static final int DEFAULT_TOP = 20;

  public BuildQuery {
    if (top <= 0) {
      throw new InvalidInputException(
          "The number of builds to list must be at least 1, not " + top + ".",
          "Ask for 1 or more builds.");
    }
    branch = branch == null || branch.isBlank() ? null : QueueBuildInput.fullRef(branch.strip());
  }

  public static BuildQuery latest() {
    return new BuildQuery(null, null, DEFAULT_TOP);
  }

  public BuildQuery withDefinition(Integer id) {
    return new BuildQuery(id, branch, top);
  }

  public BuildQuery withBranch(String newBranch) {
    return new BuildQuery(definitionId, newBranch, top);
  }

  public BuildQuery withTop(int newTop) {
    return new BuildQuery(definitionId, branch, newTop);
  }
}
