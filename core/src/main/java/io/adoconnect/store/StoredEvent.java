package io.adoconnect.store;

import java.time.Instant;

/**
 * An event a service hook delivered, as stored once per event id.
 *
 * @param trusted whether ado-connect re-checked it against Azure DevOps and found it true
 * @param verification what the re-check found (or why there was none), for people and logs
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
    String payload) {

  public StoredEvent {
    Require.text(eventId, "The event id");
    Require.text(subscriptionId, "The event's subscription id");
    Require.text(eventType, "The event type");
    Require.text(organization, "The event's organization");
    Require.text(verification, "The verification note");
    Require.text(payload, "The event payload");
    receivedAt = Require.millis(Require.present(receivedAt, "The time the event arrived"));
  }

  public StoredEvent withVerification(boolean isTrusted, String note) {
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
        payload);
  }
}
