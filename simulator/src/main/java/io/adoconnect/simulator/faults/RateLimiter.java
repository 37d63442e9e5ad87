package io.adoconnect.simulator.faults;

import io.adoconnect.simulator.http.Response;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allows at most {@code perSecond} requests per credential in each wall-clock second; the rest get
 * a 429 that tells the client to retry after the current second. {@code perSecond <= 0} disables
 * it.
 */
public final class RateLimiter {

  private final int perSecond;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RateLimiter(int perSecond) {
    this.perSecond = perSecond;
  }

  /** Counts one request for {@code credentialKey}; returns the 429 answer when over the limit. */
  public Optional<Response> admit(String credentialKey) {
    if (perSecond <= 0) {
      return Optional.empty();
    }
    long second = System.currentTimeMillis() / 1000;
    Window window = windows.computeIfAbsent(credentialKey, key -> new Window());
    synchronized (window) {
      if (window.second != second) {
        window.second = second;
        window.count = 0;
      }
      window.count++;
      return window.count > perSecond
          ? Optional.of(Throttling.blocked(1, perSecond))
          : Optional.empty();
    }
  }

  /** Requests seen in one second for one credential; guarded by its own monitor. */
  private static final class Window {
    private long second;
    private int count;
  }
}
