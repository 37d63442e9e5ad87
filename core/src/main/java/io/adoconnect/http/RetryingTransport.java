package io.adoconnect.http;

import io.adoconnect.Durations;
import io.adoconnect.ThrottledException;
import io.adoconnect.TransportException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
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
  private final Duration tryTimeout;
  private final RetryListener listener;
  private final Object paceLock = new Object();
  private Instant notBefore = Instant.MIN;

  public RetryingTransport(HttpTransport next, RetryPolicy policy, Sleeper sleeper, Clock clock) {
    this(next, policy, sleeper, clock, Duration.ZERO, RetryListener.NONE);
  }

  /**
   * {@code tryTimeout} is how long one try may wait for an answer: a retry starts only if it could
   * end, timeout included, within the policy's deadline. {@code listener} hears of each retry.
   */
  public RetryingTransport(
      HttpTransport next,
      RetryPolicy policy,
      Sleeper sleeper,
      Clock clock,
      Duration tryTimeout,
      RetryListener listener) {
    this.next = next;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.tryTimeout = tryTimeout;
    this.listener = listener;
  }

  /** The transport ado-connect uses: the JDK client with default limits, retried and paced. */
  public static HttpTransport standard() {
    return new RetryingTransport(
        JdkHttpTransport.withDefaults(), RetryPolicy.DEFAULT, Sleeper.REAL, Clock.systemUTC());
  }

  @Override
  public ApiResponse send(ApiRequest request) {
    Instant started = clock.instant();
    for (int attempt = 1; ; attempt++) {
      waitForPace();
      boolean last = attempt >= policy.maxAttempts() || !request.idempotent();
      ApiResponse response;
      try {
        response = next.send(request);
      } catch (TransportException e) {
        Duration backoff = policy.backoff(attempt);
        if (last || handshakeFailed(e) || !fits(started, backoff)) {
          throw attempt > 1 ? gaveUp(request, e, attempt, started) : e;
        }
        log.debug(
            "{} failed ({}); retry {} in {} ms",
            request,
            e.getMessage(),
            attempt,
            backoff.toMillis());
        listener.retrying(
            new Retry(
                request.uri().getHost(),
                noAnswer(e) ? Retry.Reason.NO_ANSWER : Retry.Reason.UNREACHABLE,
                0,
                tryTimeout,
                attempt + 1,
                policy.maxAttempts(),
                backoff));
        sleeper.sleep(backoff);
        continue;
      }
      Optional<Duration> retryAfter = RateLimitHeaders.retryAfter(response, clock.instant());
      retryAfter.or(() -> RateLimitHeaders.delay(response)).ifPresent(this::paceFor);
      Duration wait = retryAfter.isPresent() ? retryAfter.get() : policy.backoff(attempt);
      if (!retryable(response.status()) || last || !fits(started, wait)) {
        if (response.status() == 429) {
          throw throttled(request, retryAfter.orElse(policy.backoff(attempt)));
        }
        return response;
      }
      if (response.status() == 429
          && retryAfter.filter(d -> d.compareTo(policy.maxWait()) > 0).isPresent()) {
        throw throttled(request, retryAfter.get());
      }
      listener.retrying(
          new Retry(
              request.uri().getHost(),
              Retry.Reason.BUSY,
              response.status(),
              tryTimeout,
              attempt + 1,
              policy.maxAttempts(),
              wait));
      if (retryAfter.isEmpty()) {
        sleeper.sleep(wait);
      }
      log.debug("{} answered {}; retry {}", request, response.status(), attempt);
    }
  }

  /** Whether one more try, after {@code wait}, could end before the call's deadline. */
  private boolean fits(Instant started, Duration wait) {
    Duration end = Duration.between(started, clock.instant()).plus(wait).plus(tryTimeout);
    return end.compareTo(policy.deadline()) <= 0;
  }

  /** A refused certificate or TLS handshake fails the same way every time: no retry. */
  private static boolean handshakeFailed(TransportException e) {
    return cause(e, SSLHandshakeException.class);
  }

  private static boolean noAnswer(TransportException e) {
    return cause(e, HttpTimeoutException.class) && !cause(e, HttpConnectTimeoutException.class);
  }

  private static boolean cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The last failure, restated with how many tries were made and how long they took in all. */
  private TransportException gaveUp(
      ApiRequest request, TransportException last, int tries, Instant started) {
    String total = Durations.words(Duration.between(started, clock.instant()));
    if (noAnswer(last)) {
      return new TransportException(
          request.uri().getHost()
              + " did not answer in "
              + tries
              + " tries over "
              + total
              + " (each try waited "
              + Durations.words(tryTimeout)
              + "; "
              + request
              + ").",
          "Azure DevOps may be slow or unreachable from here; try again later, or check proxies and"
              + " firewalls. ADO_CONNECT_TIMEOUT (per try) and ADO_CONNECT_RETRY_DEADLINE (per call)"
              + " set how long ado-connect waits, in seconds.",
          last);
    }
    return new TransportException(
        last.getMessage() + " Gave up after " + tries + " tries over " + total + ".",
        last.hint(),
        last);
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
