package io.adoconnect;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write and read them: written in a setting or an option as a number with
 * {@code s}, {@code m}, {@code h} or {@code d} ({@code 30s}, {@code 90m}, {@code 12h}, {@code 30d})
 * or ISO-8601 ({@code PT30S}, {@code P30D}), one reading for every such place; shown in a message
 * as {@code 2 min 0 s}, {@code 60 s}, {@code 0.3 s}.
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
          "Write it as a number of seconds, minutes, hours or days, e.g. 30s, 90m, 12h or 30d (at"
              + " most 100 years), or in ISO-8601 (PT90M).");
    }
    return parsed;
  }

  public static String words(Duration duration) {
    long millis = Math.max(0, duration.toMillis());
    if (millis > 60_000) {
      long seconds = Math.round(millis / 1000.0);
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    if (millis >= 10_000 || millis % 1000 == 0) {
      return Math.round(millis / 1000.0) + " s";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
