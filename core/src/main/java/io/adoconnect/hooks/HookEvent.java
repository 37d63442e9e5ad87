package io.adoconnect.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A delivered service hook event (the webHooks consumer's JSON body): the fields ado-connect acts
 * on, and the whole document as sent.
 *
 * @param id the event id, the key for de-duplication (Azure DevOps may deliver an event twice)
 * @param projectId from {@code resourceContainers.project.id}
 * @param repositoryId from {@code resource.repository.id}, when the event has one
 * @param refUpdates a push's {@code refUpdates[]}; empty for other events
 * @param payload the JSON document as received
 */
public record HookEvent(
    String id,
    String eventType,
    String projectId,
    String projectName,
    String repositoryId,
    String repositoryName,
    List<RefUpdate> refUpdates,
    JsonNode payload) {

  /** One ref moved by a push; 40 zeros as {@code oldObjectId} = created, as new = deleted. */
  public record RefUpdate(String name, String oldObjectId, String newObjectId) {
    public static final String ZERO = "0".repeat(40);

    public boolean deletesRef() {
      return ZERO.equals(newObjectId);
    }
  }

  public HookEvent {
    refUpdates = List.copyOf(refUpdates);
  }

  /**
   * Reads a delivery body.
   *
   * @throws InvalidInputException when it is not a JSON object with an {@code id} and an {@code
   *     eventType}, or lacks the shape its event type promises ({@link HookEventShape})
   */
  public static HookEvent parse(byte[] body) {
    JsonNode root;
    try {
      root = body == null || body.length == 0 ? null : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null
        || !root.isObject()
        || !root.path("id").isTextual()
        || root.path("id").asText().isBlank()
        || root.path("id").asText().length() > 64
        || !root.path("eventType").isTextual()
        || root.path("eventType").asText().isBlank()) {
      throw new InvalidInputException(
          "The delivery is not a service hook event (a JSON object with id and eventType).",
          "Only Azure DevOps service hook deliveries belong here.");
    }
    HookEventShape.check(root);
    JsonNode resource = root.path("resource");
    JsonNode repository = resource.path("repository");
    List<RefUpdate> updates = new ArrayList<>();
    for (JsonNode update : resource.path("refUpdates")) {
      updates.add(
          new RefUpdate(
              text(update.path("name")),
              text(update.path("oldObjectId")),
              text(update.path("newObjectId"))));
    }
    return new HookEvent(
        root.path("id").asText(),
        root.path("eventType").asText(),
        text(root.path("resourceContainers").path("project").path("id")),
        text(repository.path("project").path("name")),
        text(repository.path("id")),
        text(repository.path("name")),
        updates,
        root);
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.asText().isBlank() ? node.asText() : null;
  }
}
