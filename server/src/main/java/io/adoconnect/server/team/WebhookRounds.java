package io.adoconnect.server.team;

import io.adoconnect.connect.WebhookDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of a team deployment's webhook outbox: this instance claims what is due and delivers it
 * (see {@link WebhookDeliveries}), as long as full batches keep coming. The service repeats it (see
 * {@code Periodic}); several instances over one database share the work through the outbox's
 * leases.
 */
public final class WebhookRounds {
  private static final Logger log = LoggerFactory.getLogger(WebhookRounds.class);
  private static final int BATCH = 20;

  private final WebhookDeliveries deliveries;
  private final String instance;

  /** {@code instance}: who holds the leases of the messages this instance claims. */
  public WebhookRounds(WebhookDeliveries deliveries, String instance) {
    this.deliveries = deliveries;
    this.instance = instance;
  }

  /** Frees this instance's claims (it is stopping), so another instance delivers them at once. */
  public void release() {
    try {
      deliveries.releaseAll(instance);
    } catch (RuntimeException e) {
      log.warn("releasing the webhook leases failed (they lapse): {}", e.toString());
    }
  }

  public void deliverDue() {
    try {
      // a full batch means more may be due: go on at once rather than after the interval
      while (deliveries.deliverDue(instance, BATCH) == BATCH) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      // a broken database or key must not end the repetition: the next round tries again
      log.warn("webhook delivery round failed: {}", e.toString());
    }
  }
}
