package io.adoconnect.http;

import java.time.Duration;

/**
 * One retry about to happen: the host, why the last try failed, and which try comes next out of at
 * most how many. {@code timeout} is how long a try waits for an answer ({@link Reason#NO_ANSWER});
 * {@code status} the HTTP status for {@link Reason#BUSY}, else 0; {@code pause} the wait before it.
 */
public record Retry(
    String host,
    Reason reason,
    int status,
    Duration timeout,
    int nextAttempt,
    int maxAttempts,
    Duration pause) {

  /** Why the last try failed. */
  public enum Reason {
    /** The host accepted the connection (or not) but sent no answer within the timeout. */
    NO_ANSWER,
    /** The connection could not be made or broke off. */
    UNREACHABLE,
    /** The host answered 429 or a 5xx that is worth another try. */
    BUSY
  }
}
