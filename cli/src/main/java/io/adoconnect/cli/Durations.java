package io.adoconnect.cli;

import io.adoconnect.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people type them: {@code 90s}, {@code 30m}, {@code 2h}, or ISO {@code PT30M}.
 */
final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(s|m|h)?");

  private Durations() {}

  static Duration parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d =
            switch (unit) {
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofSeconds(n);
            };
        if (!d.isZero()) {
          return d;
        }
      } else if (t.startsWith("pt")) {
        Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
        if (!d.isNegative() && !d.isZero()) {
          return d;
        }
      }
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      // falls through to the error below
    }
    throw new InvalidInputException(
        io.adoconnect.http.Names.shown(text, "duration") + " is not a duration.",
        "Write it like 90s, 30m or 2h.");
  }
}
