package io.adoconnect.store;

import io.adoconnect.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as a deployment writes them in its environment: a number with {@code s}, {@code m},
 * {@code h} or {@code d} ({@code 30s}, {@code 90m}, {@code 12h}, {@code 30d}) or ISO-8601 ({@code
 * PT30S}, {@code P30D}). One reading for every such setting, so each accepts the same forms.
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([smhd])");

  private Durations() {}

  /**
   * {@code text} as a positive duration of at most 100 years.
   *
   * @param name the setting it came from, named in the error
   * @throws InvalidInputException when it is no such duration
   */
  public static Duration parse(String name, String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    Matcher shortForm = SHORT.matcher(value);
    Duration parsed = null;
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      parsed =
          switch (shortForm.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
    } else {
      try {
        parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException notIso) {
        // refused below
      }
    }
    if (parsed == null || parsed.isNegative() || parsed.isZero() || parsed.toDays() > 36_500) {
      throw new InvalidInputException(
          name + " is not a duration ado-connect can use.",
          "Set it to a number of seconds, minutes, hours or days, e.g. 30s, 90m, 12h or 30d (at"
              + " most 100 years), or leave it unset for the default.");
    }
    return parsed;
  }
}
