package io.adoconnect.store;

import java.time.Instant;

/**
 * One message to an application's webhook, and its delivery so far: the outbox row is the delivery
 * log too.
 *
 * @param id the {@code webhook-id} every attempt carries, so the receiver can de-duplicate
 * @param payload the JSON body: {@code {"type", "timestamp", "data"}} as Standard Webhooks suggests
 * @param deliveredAt when an attempt got a 2xx, or null
 * @param gaveUpAt when ado-connect stopped trying, or null
 * @param lastStatus the HTTP status of the last attempt, or null (no answer, or none yet)
 * @param lastError what went wrong on the last attempt, without the receiver's body, or null
 */
public record WebhookMessage(
    String id,
    String applicationId,
    String endUser,
    String type,
    String payload,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt,
    Instant deliveredAt,
    Instant gaveUpAt,
    Integer lastStatus,
    String lastError) {

  /** {@code delivered}, {@code failed} (gave up) or {@code pending}. */
  public String state() {
    return deliveredAt != null ? "delivered" : gaveUpAt != null ? "failed" : "pending";
  }
}
