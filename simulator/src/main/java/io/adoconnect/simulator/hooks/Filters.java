package io.adoconnect.simulator.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Whether an event passes a subscription's publisher inputs (events.md): {@code projectId} for all,
 * {@code repository} and {@code branch} for Git events, {@code definitionName} and {@code
 * buildStatus} for {@code build.complete}. Inputs the simulator does not know are ignored.
 */
final class Filters {
  private Filters() {}

  static boolean match(
      Map<String, String> inputs, String eventType, String projectId, JsonNode resource) {
    return same(inputs.get("projectId"), projectId)
        && same(inputs.get("repository"), resource.path("repository").path("id").asText(null))
        && branch(inputs.get("branch"), eventType, resource)
        && same(inputs.get("definitionName"), resource.path("definition").path("name").asText(null))
        && same(inputs.get("buildStatus"), resource.path("result").asText(null));
  }

  private static boolean branch(String wanted, String eventType, JsonNode resource) {
    if (blank(wanted)) {
      return true;
    }
    String ref = wanted.startsWith("refs/") ? wanted : "refs/heads/" + wanted;
    if (eventType.equals("git.push")) {
      for (JsonNode update : resource.path("refUpdates")) {
        if (update.path("name").asText().equalsIgnoreCase(ref)) {
          return true;
        }
      }
      return false;
    }
    return ref.equalsIgnoreCase(resource.path("targetRefName").asText(""));
  }

  private static boolean same(String wanted, String actual) {
    return blank(wanted) || wanted.equalsIgnoreCase(actual == null ? "" : actual);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
