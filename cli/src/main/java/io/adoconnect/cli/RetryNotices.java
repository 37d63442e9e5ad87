package io.adoconnect.cli;

import io.adoconnect.Durations;
import io.adoconnect.http.Retry;
import io.adoconnect.http.RetryListener;
import java.io.PrintStream;

/**
 * Says on stderr why a command is waiting when a host is silent or unreachable, before each retry:
 * {@code dev.azure.com did not answer within 60 s; trying again (2 of 4)…}. Busy answers (429, 503)
 * are retried quietly: they pass quickly and come in bursts during discovery.
 */
final class RetryNotices implements RetryListener {
  private final PrintStream err;

  RetryNotices(PrintStream err) {
    this.err = err;
  }

  @Override
  public void retrying(Retry retry) {
    String what =
        switch (retry.reason()) {
          case NO_ANSWER ->
              retry.host() + " did not answer within " + Durations.words(retry.timeout());
          case UNREACHABLE -> "Could not reach " + retry.host();
          case BUSY -> null;
        };
    if (what != null) {
      err.println(
          what
              + "; trying again ("
              + retry.nextAttempt()
              + " of "
              + retry.maxAttempts()
              + ")\u2026");
    }
  }
}
