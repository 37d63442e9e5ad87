package io.adoconnect.simulator.hooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to deliver an event to a subscription's URL.
 *
 * @param notificationId the same for every attempt (and duplicate) of one event to one subscription
 * @param attempt 1 for the first try, then 2, 3… for retries
 * @param status the consumer's HTTP status, or 0 when it could not be reached
 * @param duplicate a deliberate second delivery of an event already delivered
 */
public record Delivery(
    int notificationId,
    UUID subscriptionId,
    String eventId,
    String eventType,
    String url,
    int attempt,
    int status,
    boolean duplicate,
    Instant at) {

  /** Whether the consumer accepted it (2xx). */
  public boolean succeeded() {
    return status >= 200 && status < 300;
  }
}
