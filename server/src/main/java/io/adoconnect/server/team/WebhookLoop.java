package io.adoconnect.server.team;

import io.adoconnect.connect.WebhookDeliveries;
import io.adoconnect.store.Ids;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the webhook outbox of a team deployment: every {@code interval}, this instance claims what
 * is due and delivers it (see {@link WebhookDeliveries}). One daemon thread; several instances over
 * one database share the work through the outbox's leases.
 */
public final class WebhookLoop {
  private static final Logger log = LoggerFactory.getLogger(WebhookLoop.class);
  private static final int BATCH = 20;

  private final WebhookDeliveries deliveries;
  private final Duration interval;
  private final String instance = "instance-" + Ids.newId();
  private ScheduledExecutorService scheduler;

  public WebhookLoop(WebhookDeliveries deliveries, Duration interval) {
    this.deliveries = deliveries;
    this.interval = interval;
  }

  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "ado-connect-webhooks");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::deliverDue, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops taking new work; a message claimed right now is taken again once its lease ends. */
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  private void deliverDue() {
    try {
      // a full batch means more may be due: go on at once rather than after the interval
      while (deliveries.deliverDue(instance, BATCH) == BATCH) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      // a broken database or key must not end the loop: the next round tries again
      log.warn("webhook delivery round failed: {}", e.toString());
    }
  }
}
