package io.adoconnect.devops;

/**
 * What a user typed, quoted for an error message the way {@code connect.RefParser} quotes paths:
 * bounded and without control characters, so a pasted token or a page of text never ends up in a
 * message, a log line or an API answer. Area packages use it for their own input checks.
 */
public final class UserText {
  private UserText() {}

  /** {@code 'text'}, or "A 312-character text" when it is longer than 80 characters. */
  public static String quoted(String text) {
    if (text == null) {
      return "(nothing)";
    }
    String cleaned = text.strip().replaceAll("\\p{Cntrl}", "?");
    return cleaned.length() > 80
        ? "A " + cleaned.length() + "-character text"
        : "'" + cleaned + "'";
  }
}
