package io.adoconnect.http;

import io.adoconnect.ThrottledException;
import io.adoconnect.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries idempotent requests on 429, 5xx and I/O failures with jittered backoff, and paces every
 * request after the service asked for it: a {@code Retry-After} or {@code X-RateLimit-Delay} on any
 * response makes all later requests through this transport wait that long first, which is what
 * Azure DevOps' rate-limit documentation asks of clients. Non-idempotent requests are sent once.
 */
public final class RetryingTransport implements HttpTransport {
  private static final Logger log = LoggerFactory.getLogger(RetryingTransport.class);

  private final HttpTransport next;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Object paceLock = new Object();
  private Instant notBefore = Instant.MIN;

  public RetryingTransport(HttpTransport next, RetryPolicy policy, Sleeper sleeper, Clock clock) {
    this.next = next;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** The transport ado-connect uses: the JDK client with default limits, retried and paced. */
  public static HttpTransport standard() {
    return new RetryingTransport(
        JdkHttpTransport.withDefaults(), RetryPolicy.DEFAULT, Sleeper.REAL, Clock.systemUTC());
  }

  @Override
  public ApiResponse send(ApiRequest request) {
    for (int attempt = 1; ; attempt++) {
      waitForPace();
      boolean last = attempt >= policy.maxAttempts() || !request.idempotent();
      ApiResponse response;
      try {
        response = next.send(request);
      } catch (TransportException e) {
        if (last) {
          throw e;
        }
        Duration backoff = policy.backoff(attempt);
        log.debug(
            "{} failed ({}); retry {} in {} ms",
            request,
            e.getMessage(),
            attempt,
            backoff.toMillis());
        sleeper.sleep(backoff);
        continue;
      }
      Optional<Duration> retryAfter = RateLimitHeaders.retryAfter(response, clock.instant());
      retryAfter.or(() -> RateLimitHeaders.delay(response)).ifPresent(this::paceFor);
      if (!retryable(response.status()) || last) {
        if (response.status() == 429) {
          throw throttled(request, retryAfter.orElse(policy.backoff(attempt)));
        }
        return response;
      }
      if (response.status() == 429
          && retryAfter.filter(d -> d.compareTo(policy.maxWait()) > 0).isPresent()) {
        throw throttled(request, retryAfter.get());
      }
      if (retryAfter.isEmpty()) {
        sleeper.sleep(policy.backoff(attempt));
      }
      log.debug("{} answered {}; retry {}", request, response.status(), attempt);
    }
  }

  private static boolean retryable(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  private ThrottledException throttled(ApiRequest request, Duration retryAfter) {
    return new ThrottledException(
        "Azure DevOps rate limiting blocked "
            + request.method()
            + " "
            + request.uri().getPath()
            + " (HTTP 429, retry after "
            + retryAfter.toSeconds()
            + " s).",
        retryAfter);
  }

  private void paceFor(Duration wait) {
    Duration bounded = wait.compareTo(policy.maxWait()) > 0 ? policy.maxWait() : wait;
    synchronized (paceLock) {
      Instant until = clock.instant().plus(bounded);
      if (until.isAfter(notBefore)) {
        notBefore = until;
      }
    }
  }

  private void waitForPace() {
    Duration wait;
    synchronized (paceLock) {
      wait = Duration.between(clock.instant(), notBefore);
    }
    if (!wait.isNegative() && !wait.isZero()) {
      sleeper.sleep(wait);
    }
  }
}
