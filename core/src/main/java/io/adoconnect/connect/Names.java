package io.adoconnect.connect;

import io.adoconnect.InvalidInputException;

/** The checks every name in a ref passes: present, and not a path step of its own. */
final class Names {
  private Names() {}

  static String require(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("The " + what + " name is missing.", "Give its name.");
    }
    String stripped = name.strip();
    // "." and ".." would travel into upstream URLs as path steps (/org/../_apis/…).
    if (stripped.chars().allMatch(c -> c == '.')) {
      throw new InvalidInputException(
          "'" + stripped + "' is not a " + what + " name.",
          "Azure DevOps names are never just dots; give the " + what + "'s real name.");
    }
    return stripped;
  }

  static String account(String accountId) {
    return accountId == null || accountId.isBlank() ? null : accountId.strip();
  }
}
