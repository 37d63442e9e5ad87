package io.adoconnect.simulator.faults;

import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Faults armed by tests: each rule applies to the next {@code times} requests whose decoded path
 * starts with its prefix, then disappears. Rules are consumed in the order they were added.
 */
public final class FaultPlan {

  private final List<Rule> hangs = new ArrayList<>();
  private final List<Rule> failures = new ArrayList<>();

  /** Arms {@code times} answers with {@code status} and a JSON error envelope. */
  public synchronized void failNext(String pathPrefix, int status, int times) {
    Response failure =
        ErrorEnvelope.of(
            status,
            "Simulated failure: status "
                + status
                + " injected for requests under "
                + pathPrefix
                + ".",
            "Microsoft.VisualStudio.Services.Common.VssServiceException, Microsoft.VisualStudio.Services.Common");
    failures.add(new Rule(pathPrefix, times, () -> failure, Duration.ZERO));
  }

  /** Arms {@code times} 429 answers with {@code Retry-After: retryAfterSeconds}. */
  public synchronized void throttleNext(String pathPrefix, int retryAfterSeconds, int times) {
    failures.add(
        new Rule(
            pathPrefix,
            times,
            () -> Throttling.blocked(retryAfterSeconds, Throttling.DEFAULT_LIMIT),
            Duration.ZERO));
  }

  /** Arms {@code times} delays of {@code duration} before answering. */
  public synchronized void hangNext(String pathPrefix, Duration duration, int times) {
    hangs.add(new Rule(pathPrefix, times, null, duration));
  }

  /** Consumes a hang for {@code path}, if one is armed. */
  public synchronized Optional<Duration> takeHang(String path) {
    return take(hangs, path).map(Rule::delay);
  }

  /** Consumes a failure or throttle answer for {@code path}, if one is armed. */
  public synchronized Optional<Response> takeFailure(String path) {
    return take(failures, path).map(rule -> rule.response.get());
  }

  private static Optional<Rule> take(List<Rule> rules, String path) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (path.startsWith(rule.pathPrefix)) {
        rule.remaining--;
        if (rule.remaining <= 0) {
          it.remove();
        }
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** One armed fault; mutable only under the plan's lock. */
  private static final class Rule {
    private final String pathPrefix;

    /** Built per answer so headers such as {@code X-RateLimit-Reset} are current. */
    private final Supplier<Response> response;

    private final Duration delay;
    private int remaining;

    Rule(String pathPrefix, int times, Supplier<Response> response, Duration delay) {
      this.pathPrefix = pathPrefix;
      this.remaining = times;
      this.response = response;
      this.delay = delay;
    }

    Duration delay() {
      return delay;
    }
  }
}
