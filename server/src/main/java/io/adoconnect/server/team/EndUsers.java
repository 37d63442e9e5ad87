package io.adoconnect.server.team;

import io.adoconnect.server.errors.ApiException;
import java.util.regex.Pattern;

/**
 * The end user a call acts for, named by the application in {@value #HEADER}: its own stable id for
 * that user (a user id, not an e-mail that may change). 1 to 128 characters of letters, digits and
 * {@code . _ - @ + : =}; anything else is refused, never stored or echoed.
 */
public final class EndUsers {
  public static final String HEADER = "X-End-User";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@+:=-]{1,128}");

  private EndUsers() {}

  /** The checked end user id; a 400 that says what is allowed otherwise. */
  public static String check(String value) {
    if (value == null || value.isEmpty()) {
      throw ApiException.badRequest(
          "end_user_required",
          "This call acts for one of the application's end users, and names none.",
          "Send " + HEADER + ": <your id for the user> with every call.");
    }
    if (!ID.matcher(value).matches()) {
      throw ApiException.badRequest(
          "invalid_end_user",
          "The " + HEADER + " header is not a usable end user id.",
          "Use 1 to 128 letters, digits or . _ - @ + : = (your own stable id for the user).");
    }
    return value;
  }
}
