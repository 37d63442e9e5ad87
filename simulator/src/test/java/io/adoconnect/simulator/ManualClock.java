package io.adoconnect.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it: lifetimes, intervals and auto-approval delays
 * pass by {@link #advance}, not by sleeping. Starts at the current time so issued tokens carry
 * plausible {@code iat}/{@code exp} claims.
 */
final class ManualClock extends Clock {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

  void advance(Duration by) {
    now.updateAndGet(current -> current.plus(by));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulator reads instants only");
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
