package io.adoconnect.http;

import io.adoconnect.WaitTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Follows something Azure DevOps works on (a build, a run) until it is done: fetches it, reports
 * each change of state, and waits between fetches — 1 s at first, 1.5 times longer each time the
 * state stays the same, at most 15 s, back to 1 s after a change — so a long build costs a few
 * requests a minute. The waits go through a {@link Sleeper} and the deadline through a {@link
 * Clock}, so tests neither sleep nor depend on timing.
 */
public final class Poller {
  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(15);

  private final Sleeper sleeper;
  private final Clock clock;

  public Poller(Sleeper sleeper, Clock clock) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Real waits on the system clock. */
  public static Poller real() {
    return new Poller(Sleeper.REAL, Clock.systemUTC());
  }

  /**
   * @param fetch gets the current value (one request)
   * @param state what a change is measured by, e.g. {@code status/result}
   * @param done when to stop
   * @param onChange called with the first value and with each value whose state differs
   * @param timeout how long to follow at most
   * @param timedOut the exception to throw when the timeout passes, given the last value
   */
  public <T> T follow(
      Supplier<T> fetch,
      Function<T, String> state,
      Predicate<T> done,
      Consumer<T> onChange,
      Duration timeout,
      Function<T, WaitTimeoutException> timedOut) {
    Instant deadline = clock.instant().plus(timeout);
    Duration wait = FIRST;
    String last = null;
    while (true) {
      T value = fetch.get();
      String now = state.apply(value);
      if (!now.equals(last)) {
        onChange.accept(value);
        wait = FIRST;
        last = now;
      } else {
        wait = min(Duration.ofMillis(wait.toMillis() * 3 / 2), MAX);
      }
      if (done.test(value)) {
        return value;
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw timedOut.apply(value);
      }
      sleeper.sleep(min(wait, left));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
