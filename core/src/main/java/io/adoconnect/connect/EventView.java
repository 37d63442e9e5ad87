package io.adoconnect.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.http.Json;
import io.adoconnect.store.StoredEvent;
import java.io.IOException;
import java.time.Instant;

/**
 * An event a service hook delivered, as users see it.
 *
 * @param trusted whether ado-connect re-checked it against Azure DevOps and found it true
 * @param verification what the re-check found, or why there was none
 * @param rechecked whether the re-check is decided; while false (the receiver is still asking Azure
 *     DevOps) {@code trusted} is false only for now, and a follower waits for the decision
 * @param payload the event's JSON document as Azure DevOps sent it
 */
public record EventView(
    String eventId,
    String eventType,
    String subscriptionId,
    String organization,
    String project,
    String repository,
    Instant receivedAt,
    boolean trusted,
    String verification,
    boolean rechecked,
    JsonNode payload) {

  static EventView of(StoredEvent e) {
    JsonNode payload;
    try {
      payload = Json.MAPPER.readTree(e.payload());
    } catch (IOException notJson) {
      payload = Json.MAPPER.getNodeFactory().textNode(e.payload());
    }
    return new EventView(
        e.eventId(),
        e.eventType(),
        e.subscriptionId(),
        e.organization(),
        e.project(),
        e.repository(),
        e.receivedAt(),
        e.trusted(),
        e.verification(),
        e.rechecked(),
        payload);
  }

  /** {@code organization/project/repository} as far as known. */
  public String path() {
    return organization
        + (project == null ? "" : "/" + project)
        + (repository == null ? "" : "/" + repository);
  }
}
