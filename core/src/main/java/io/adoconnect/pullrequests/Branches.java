package io.adoconnect.pullrequests;

import io.adoconnect.InvalidInputException;

/** Branch names as users type them ({@code main}) and as pull requests need them. */
final class Branches {
  private Branches() {}

  /** {@code main} or {@code refs/heads/main} → {@code refs/heads/main}. */
  static String refName(String branch) {
    String name = branch == null ? "" : branch.trim();
    if (name.isEmpty() || name.equals("refs/heads/")) {
      throw new InvalidInputException(
          "A branch name is empty.", "Name a branch, e.g. main or refs/heads/main.");
    }
    return name.startsWith("refs/heads/") ? name : "refs/heads/" + name;
  }
}
