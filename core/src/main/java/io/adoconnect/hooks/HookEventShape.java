package io.adoconnect.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.InvalidInputException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a delivery has the shape its event type promises, checked before anything is stored: a
 * push's {@code refUpdates} an array of refs each with a name and 40-hex object ids, a pull request
 * event's {@code pullRequestId} and a build event's {@code id} positive integers, and the ids
 * ado-connect matches on (project, repository) strings. What the re-check reads is here, so a
 * stored event can always be re-checked; the message says what is wrong without echoing values.
 */
final class HookEventShape {
  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{40}");

  /** Azure DevOps caps a push at far fewer refs; more is not a delivery of its. */
  static final int MAX_REF_UPDATES = 1000;

  private HookEventShape() {}

  /**
   * @throws InvalidInputException saying which field is wrong
   */
  static void check(JsonNode root) {
    problem(root)
        .ifPresent(
            problem -> {
              throw new InvalidInputException(
                  "The delivery is not a well-formed "
                      + root.path("eventType").asText()
                      + " event: "
                      + problem
                      + ".",
                  "Only Azure DevOps service hook deliveries belong here; nothing was stored.");
            });
  }

  private static Optional<String> problem(JsonNode root) {
    JsonNode resource = root.path("resource");
    if (!resource.isMissingNode() && !resource.isObject()) {
      return Optional.of("resource is not an object");
    }
    JsonNode project = root.path("resourceContainers").path("project");
    if (!project.isMissingNode() && !optionalText(project.path("id"))) {
      return Optional.of("resourceContainers.project.id is not a string");
    }
    JsonNode repository = resource.path("repository");
    if (!repository.isMissingNode()
        && (!repository.isObject()
            || !optionalText(repository.path("id"))
            || !optionalText(repository.path("name")))) {
      return Optional.of("resource.repository is not an object with a string id and name");
    }
    return switch (root.path("eventType").asText()) {
      case HookEventTypes.GIT_PUSH -> push(resource);
      case HookEventTypes.PULL_REQUEST_CREATED, HookEventTypes.PULL_REQUEST_UPDATED ->
          positiveInteger(resource.path("pullRequestId"), "resource.pullRequestId");
      case HookEventTypes.BUILD_COMPLETE -> positiveInteger(resource.path("id"), "resource.id");
      default -> Optional.empty();
    };
  }

  private static Optional<String> push(JsonNode resource) {
    JsonNode updates = resource.path("refUpdates");
    if (!updates.isArray()) {
      return Optional.of("resource.refUpdates is not an array");
    }
    if (updates.size() > MAX_REF_UPDATES) {
      return Optional.of("resource.refUpdates has more than " + MAX_REF_UPDATES + " entries");
    }
    for (int i = 0; i < updates.size(); i++) {
      JsonNode update = updates.get(i);
      String where = "resource.refUpdates[" + i + "]";
      if (!update.isObject()) {
        return Optional.of(where + " is not an object");
      }
      if (!update.path("name").isTextual() || update.path("name").asText().isBlank()) {
        return Optional.of(where + ".name is not a ref name");
      }
      if (!objectId(update.path("newObjectId"))) {
        return Optional.of(where + ".newObjectId is not a 40-character commit id");
      }
      if (!update.path("oldObjectId").isMissingNode() && !objectId(update.path("oldObjectId"))) {
        return Optional.of(where + ".oldObjectId is not a 40-character commit id");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> positiveInteger(JsonNode node, String name) {
    return node.isIntegralNumber() && node.canConvertToInt() && node.asInt() > 0
        ? Optional.empty()
        : Optional.of(name + " is not a positive whole number");
  }

  private static boolean objectId(JsonNode node) {
    return node.isTextual() && OBJECT_ID.matcher(node.asText()).matches();
  }

  /** Absent, null, or a string. */
  private static boolean optionalText(JsonNode node) {
    return node.isMissingNode() || node.isNull() || node.isTextual();
  }
}
