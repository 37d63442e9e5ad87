package io.adoconnect.cli;

import io.adoconnect.Durations;
import io.adoconnect.http.Names;
import java.time.Duration;

/**
 * A duration option as people type it: a bare number of seconds ({@code 90}) or what {@link
 * Durations#parse} reads ({@code 90s}, {@code 30m}, {@code 2h}, {@code PT30M}).
 */
final class DurationOption {
  private DurationOption() {}

  static Duration parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.matches("\\d{1,9}") && !t.matches("0+")) {
      return Duration.ofSeconds(Long.parseLong(t));
    }
    return Durations.parse(Names.shown(text, "duration"), t);
  }
}
