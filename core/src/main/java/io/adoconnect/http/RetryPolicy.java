package io.adoconnect.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to retry. Backoff is exponential with full jitter (AWS Architecture blog,
 * "Exponential Backoff And Jitter"), so parallel discovery threads that fail together don't retry
 * together. {@code maxWait} bounds a single server-requested wait: a {@code Retry-After} longer
 * than that is reported to the user instead of silently hanging the command.
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxWait) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The jittered wait before attempt {@code attempt + 1} (attempt counts from 1). */
  public Duration backoff(int attempt) {
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
  }
}
