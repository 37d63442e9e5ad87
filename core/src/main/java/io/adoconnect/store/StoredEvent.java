package io.adoconnect.store;

import java.time.Instant;

/**
 * An event a service hook delivered, as stored once per subscription and event id.
 *
 * @param trusted whether ado-connect re-checked it against Azure DevOps and found it true
 * @param verification what the re-check found (or why there was none), for people and logs
 * @param recheckedAt when the re-check was decided, trusted or not; null while it is still running
 *     (a follower waits for it instead of printing a verdict that is about to change)
 * @param payload the event's JSON document as received
 */
public record StoredEvent(
    String eventId,
    String subscriptionId,
    String eventType,
    String organization,
    String project,
    String repository,
    String repositoryId,
    Instant receivedAt,
    boolean trusted,
    String verification,
    Instant recheckedAt,
    String payload) {

  /** The verification note of an event whose re-check has not been decided yet. */
  public static final String NOT_RECHECKED_YET = "Not re-checked yet.";

  public StoredEvent {
    Require.text(eventId, "The event id");
    Require.text(subscriptionId, "The event's subscription id");
    Require.text(eventType, "The event type");
    Require.text(organization, "The event's organization");
    Require.text(verification, "The verification note");
    Require.text(payload, "The event payload");
    receivedAt = Require.millis(Require.present(receivedAt, "The time the event arrived"));
    recheckedAt = Require.millis(recheckedAt);
  }

  /** A new delivery, stored before its re-check ran. */
  public static StoredEvent received(
      String eventId,
      String subscriptionId,
      String eventType,
      String organization,
      String project,
      String repository,
      String repositoryId,
      Instant receivedAt,
      String payload) {
    return new StoredEvent(
        eventId,
        subscriptionId,
        eventType,
        organization,
        project,
        repository,
        repositoryId,
        receivedAt,
        false,
        NOT_RECHECKED_YET,
        null,
        payload);
  }

  /** Whether the re-check has been decided (trusted or not). */
  public boolean rechecked() {
    return recheckedAt != null;
  }

  /** The re-check's outcome, decided at {@code when}. */
  public StoredEvent withVerification(boolean isTrusted, String note, Instant when) {
    return new StoredEvent(
        eventId,
        subscriptionId,
        eventType,
        organization,
        project,
        repository,
        repositoryId,
        receivedAt,
        isTrusted,
        note,
        Require.present(when, "The time of the re-check"),
        payload);
  }
}
