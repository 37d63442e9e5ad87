package io.adoconnect.http;

import java.time.Duration;

/** Waits; a seam so retry tests don't spend real seconds. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL =
      duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new io.adoconnect.TransportException(
              "Interrupted while waiting to retry.", io.adoconnect.NextStep.NONE, e);
        }
      };

  void sleep(Duration duration);
}
