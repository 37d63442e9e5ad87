package io.adoconnect.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads Azure DevOps' pacing headers. {@code Retry-After} (RFC 9110: seconds or an HTTP date) may
 * come on any status, not only 429; {@code X-RateLimit-Delay} says the service already delayed this
 * request, in seconds with decimals — a sign to slow down before it starts blocking.
 */
final class RateLimitHeaders {
  private RateLimitHeaders() {}

  static Optional<Duration> retryAfter(ApiResponse response, Instant now) {
    return response.header("Retry-After").flatMap(value -> parseRetryAfter(value.trim(), now));
  }

  static Optional<Duration> delay(ApiResponse response) {
    return response.header("X-RateLimit-Delay").flatMap(RateLimitHeaders::seconds);
  }

  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    Optional<Duration> seconds = seconds(value);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> seconds(String value) {
    try {
      double s = Double.parseDouble(value.trim());
      if (s < 0 || Double.isNaN(s) || Double.isInfinite(s)) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis(Math.round(s * 1000)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
