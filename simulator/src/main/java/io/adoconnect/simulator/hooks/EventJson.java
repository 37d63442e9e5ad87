package io.adoconnect.simulator.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.http.Json;
import java.time.Instant;

/**
 * The body of a webHooks delivery, shaped like {@code service-hook-event-git-push.json}: {@code
 * subscriptionId}, {@code notificationId}, {@code id} (the event id), {@code eventType}, {@code
 * publisherId}, {@code message}, {@code detailedMessage}, {@code resource}, {@code
 * resourceVersion}, {@code resourceContainers} and {@code createdDate}.
 */
final class EventJson {
  private EventJson() {}

  /** The event as published once; each delivery adds its subscription and notification ids. */
  static ObjectNode event(
      String eventId,
      String eventType,
      Collection collection,
      String projectId,
      JsonNode resource,
      Instant created) {
    ObjectNode event = Json.object();
    event.put("id", eventId);
    event.put("eventType", eventType);
    event.put("publisherId", "tfs");
    String text = text(eventType, resource);
    ObjectNode message = event.putObject("message");
    message.put("text", text);
    message.put("html", text);
    message.put("markdown", text);
    // The detailed message lists the commits in the real service; the simulator repeats the text.
    event.set("detailedMessage", message.deepCopy());
    event.set("resource", resource);
    event.put("resourceVersion", "1.0");
    ObjectNode containers = event.putObject("resourceContainers");
    containers.putObject("collection").put("id", collection.instanceId().toString());
    containers.putObject("account").put("id", collection.instanceId().toString());
    containers.putObject("project").put("id", projectId);
    event.put("createdDate", Json.timestamp(created));
    return event;
  }

  /** The event as sent to one subscription. */
  static ObjectNode delivery(ObjectNode event, HookSubscription subscription, int notificationId) {
    ObjectNode body = Json.object();
    body.put("subscriptionId", subscription.id().toString());
    body.put("notificationId", notificationId);
    body.setAll(event);
    body.put("resourceVersion", subscription.resourceVersion());
    return body;
  }

  private static String text(String eventType, JsonNode resource) {
    String repository = resource.path("repository").path("name").asText("a repository");
    return switch (eventType) {
      case "git.push" -> {
        String who = resource.path("pushedBy").path("displayName").asText("Someone");
        String ref = resource.path("refUpdates").path(0).path("name").asText("");
        yield who
            + " pushed updates to branch "
            + ref.replaceFirst("^refs/heads/", "")
            + " of repository "
            + repository
            + ".";
      }
      case "git.pullrequest.created", "git.pullrequest.updated", "git.pullrequest.merged" ->
          resource.path("createdBy").path("displayName").asText("Someone")
              + (eventType.endsWith("created") ? " created" : " updated")
              + " pull request "
              + resource.path("pullRequestId").asText("")
              + " ("
              + resource.path("title").asText("")
              + ") in "
              + repository
              + ".";
      case "build.complete" ->
          "Build "
              + resource.path("buildNumber").asText("")
              + " "
              + resource.path("result").asText(resource.path("status").asText(""))
              + ".";
      default -> eventType + " in " + repository + ".";
    };
  }
}
