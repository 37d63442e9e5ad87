package io.adoconnect.server;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.store.Owner;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every owner's Microsoft sign-ins alive while the service runs: every {@code interval} it
 * renews those nobody used for {@code idle} ({@link AdoConnect#renewIdleSessions}). Accounts fall
 * due one by one as their own last use ages, so the renewals spread over time by themselves. A
 * refused renewal marks the account reconnect-needed, which a team deployment's webhook reports.
 */
final class SessionRenewalLoop {
  /** Entra ends a session unused for 90 days; a week leaves many chances before that. */
  static final Duration IDLE = Duration.ofDays(7);

  static final Duration INTERVAL = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(SessionRenewalLoop.class);

  private final AdoConnect root;
  private final Duration interval;
  private final Duration idle;
  private ScheduledExecutorService scheduler;

  SessionRenewalLoop(AdoConnect root, Duration interval, Duration idle) {
    this.root = root;
    this.interval = interval;
    this.idle = idle;
  }

  synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "ado-connect-session-renewal");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::renewIdle, millis, millis, TimeUnit.MILLISECONDS);
  }

  synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  /** One round over every owner with a sign-in; one owner's failure doesn't stop the others. */
  void renewIdle() {
    for (Owner owner : root.ownersWithSignIns()) {
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
