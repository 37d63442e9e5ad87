package io.adoconnect.server;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.LeasedRenewals;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every owner's Microsoft sign-ins alive while the service runs: each round (the service
 * repeats it every {@link #INTERVAL}, see {@link Periodic}) renews those nobody used for {@code
 * idle}. Accounts fall due one by one as their own last use ages, so the renewals spread over time
 * by themselves. Each account is claimed with a lease first ({@link LeasedRenewals}), so instances
 * sharing a database renew different accounts, never one twice. A refused renewal marks the account
 * reconnect-needed, which a team deployment's webhook reports.
 */
final class SessionRenewals {
  /** Entra ends a session unused for 90 days; a week leaves many chances before that. */
  static final Duration IDLE = Duration.ofDays(7);

  static final Duration INTERVAL = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(SessionRenewals.class);

  private final LeasedRenewals renewals;
  private final Duration idle;

  SessionRenewals(LeasedRenewals renewals, Duration idle) {
    this.renewals = renewals;
    this.idle = idle;
  }

  /** One round; a failure (a broken database) is logged and the next round tries again. */
  void renewIdle() {
    try {
      AdoConnect.IdleRenewal round = renewals.renewIdle(idle);
      if (round.renewed() + round.reconnectNeeded() + round.failed() > 0) {
        log.info(
            "idle sessions: {} renewed, {} need reconnecting, {} failed (tried again later)",
            round.renewed(),
            round.reconnectNeeded(),
            round.failed());
      }
    } catch (RuntimeException e) {
      // a broken database must not end the repetition: the next round tries again
      log.warn("renewing the idle sessions failed: {}", e.toString());
    }
  }

  /** Frees this instance's claims (it is stopping), so another instance may renew at once. */
  void release() {
    try {
      renewals.releaseAll();
    } catch (RuntimeException e) {
      log.warn("releasing the session renewal leases failed (they lapse): {}", e.toString());
    }
  }
}
