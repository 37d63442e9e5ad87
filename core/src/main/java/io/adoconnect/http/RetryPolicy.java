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
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxWait, Duration deadline) {
  /** How long one call may take across its tries unless configured otherwise. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(150);

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive");
    }
  }

  public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxWait) {
    this(maxAttempts, baseDelay, maxDelay, maxWait, DEFAULT_DEADLINE);
  }

  /**
   * The same policy with another bound on one call's total time: no try starts that could not end
   * (its full timeout included) before the deadline.
   */
  public RetryPolicy withDeadline(Duration value) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxWait, value);
  }

  /** The jittered wait before attempt {@code attempt + 1} (attempt counts from 1). */
  public Duration backoff(int attempt) {
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
  }
}
