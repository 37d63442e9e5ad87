package io.adoconnect.http;

import io.adoconnect.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The one check on names that become URL path segments, and the one rule for showing a name in an
 * error. A segment of only dots would walk up the path ({@code /org/../_apis/…}: servers resolve
 * dot segments, encoded or not), and {@code / \ ? #} or control characters would end or split it,
 * so they are refused, not encoded. A message repeats what was typed only when it is short and
 * plain: a token pasted into the wrong field must never come back in an error, a log or an API
 * answer.
 */
public final class Names {
  private static final Pattern ONLY_DOTS = Pattern.compile("\\.+");
  private static final Pattern BREAKS_PATH = Pattern.compile("[/\\\\?#\\p{Cntrl}]");
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} ._()-]{1,32}");
  private static final int MAX_PARTS = 3;

  private Names() {}

  /**
   * {@code value} when it can be one URL path segment; otherwise an InvalidInputException about
   * {@code what} (e.g. "project name").
   */
  public static String checkSegment(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(
          "The " + what + " is empty.", "Give the " + what + " as Azure DevOps shows it.");
    }
    if (ONLY_DOTS.matcher(value.strip()).matches() || BREAKS_PATH.matcher(value).find()) {
      throw new InvalidInputException(
          shown(value, what)
              + " can't be used as "
              + withArticle(what)
              + ": Azure DevOps names are never only dots and never contain /, \\, ?, # or control"
              + " characters.",
          "Give the " + what + " exactly as Azure DevOps shows it.");
    }
    return value;
  }

  /**
   * Whether {@code value} may be repeated in a message: at most three {@code /}-separated parts,
   * each at most 32 letters, digits, spaces or {@code . _ ( ) -}. A token is longer, or has other
   * characters.
   */
  public static boolean isPlain(String value) {
    if (value == null) {
      return false;
    }
    String[] parts = value.split("/", -1);
    if (parts.length > MAX_PARTS) {
      return false;
    }
    for (String part : parts) {
      if (!PLAIN.matcher(part).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * How an error message may show input: {@code 'fabrikam'} when it is short and plain, otherwise a
   * description — "the organization name given (52 characters long, …)" — that repeats none of it.
   */
  public static String shown(String value, String what) {
    if (value == null) {
      return "the " + what + " given (none)";
    }
    if (isPlain(value)) {
      return "'" + value + "'";
    }
    boolean odd = !value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-');
    return "the "
        + what
        + " given ("
        + value.length()
        + " characters long"
        + (odd ? ", with characters " + withArticle(what) + " can't have" : "")
        + ")";
  }

  private static String withArticle(String noun) {
    return (noun.matches("[aeiou].*") ? "an " : "a ") + noun;
  }
}
