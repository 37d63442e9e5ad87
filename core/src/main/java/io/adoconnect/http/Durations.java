package io.adoconnect.http;

import java.time.Duration;

/**
 * Durations as a person reads them in a message: {@code 2 min 0 s}, {@code 60 s}, {@code 0.3 s}.
 */
public final class Durations {
  private Durations() {}

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
