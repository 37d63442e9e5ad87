package io.adoconnect.server;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.store.Owner;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every owner's Microsoft sign-ins alive while the service runs: each round (the service
 * repeats it every {@link #INTERVAL}, see {@link Periodic}) renews those nobody used for {@code
 * idle} ({@link AdoConnect#renewIdleSessions}). Accounts fall due one by one as their own last use
 * ages, so the renewals spread over time by themselves. A refused renewal marks the account
 * reconnect-needed, which a team deployment's webhook reports.
 */
final class SessionRenewals {
  /** Entra ends a session unused for 90 days; a week leaves many chances before that. */
  static final Duration IDLE = Duration.ofDays(7);

  static final Duration INTERVAL = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(SessionRenewals.class);

  private final AdoConnect root;
  private final Duration idle;

  SessionRenewals(AdoConnect root, Duration idle) {
    this.root = root;
    this.idle = idle;
  }

  /** One round over every owner with a sign-in; one owner's failure doesn't stop the others. */
  void renewIdle() {
    java.util.List<Owner> owners;
    try {
      owners = root.ownersWithSignIns();
    } catch (RuntimeException e) {
      // a broken database must not end the repetition: the next round tries again
      log.warn("listing the sessions to renew failed: {}", e.toString());
      return;
    }
    for (Owner owner : owners) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      try {
        AdoConnect.IdleRenewal round = root.forOwner(owner).renewIdleSessions(idle);
        if (round.renewed() + round.reconnectNeeded() + round.failed() > 0) {
          log.info(
              "idle sessions of {}: {} renewed, {} need reconnecting, {} failed (tried again later)",
              owner.key(),
              round.renewed(),
              round.reconnectNeeded(),
              round.failed());
        }
      } catch (RuntimeException e) {
        log.warn("renewing the idle sessions of {} failed: {}", owner.key(), e.toString());
      }
    }
  }
}
