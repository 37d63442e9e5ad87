package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.connect.EventView;
import io.adoconnect.http.Json;
import java.util.List;
import java.util.Optional;

/**
 * Recent trusted events: service hook deliveries that ado-connect re-checked against Azure DevOps
 * and found true (a forged or unverified delivery never reaches the agent). Their payloads are
 * untrusted text all the same: a true push carries a commit message anyone with push rights wrote.
 */
final class EventTools {
  static final int MAX_EVENTS = 500;

  private EventTools() {}

  static List<McpTool> all() {
    return List.of(
        new McpTool(
            "list_events",
            "Recent trusted events",
            ToolSet.EVENTS,
            Effect.READ,
            "The newest service hook events (pushes, pull request and build changes) that ado-connect verified against Azure DevOps, oldest first.",
            Schema.object()
                .integer(
                    "limit",
                    "How many of the newest to read, 1 to " + MAX_EVENTS + " (default 50).",
                    false)
                .string("organization", "Only events of this organization or collection.", false)
                .string("project", "Only events of this project.", false)
                .string("repository", "Only events of this repository.", false),
            EventTools::events));
  }

  private static Answer events(ToolCall call) {
    int limit = call.args().optionalInteger("limit").orElse(50);
    if (limit < 1 || limit > MAX_EVENTS) {
      throw new io.adoconnect.InvalidInputException(
          "The argument 'limit' must be between 1 and " + MAX_EVENTS + ".",
          "Ask for fewer events.");
    }
    Optional<String> org = call.args().optionalString("organization");
    Optional<String> project = call.args().optionalString("project");
    Optional<String> repository = call.args().optionalString("repository");
    List<EventView> events =
        call.ado().events(Optional.empty(), limit).stream()
            .filter(EventView::trusted)
            .filter(e -> org.isEmpty() || org.get().equalsIgnoreCase(e.organization()))
            .filter(e -> project.isEmpty() || project.get().equalsIgnoreCase(e.project()))
            .filter(e -> repository.isEmpty() || repository.get().equalsIgnoreCase(e.repository()))
            .filter(e -> call.reach().allowsNamed(e.organization(), e.project(), e.repository()))
            .toList();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("events", Json.MAPPER.valueToTree(events));
    return Answer.of(body).untrusted("/events/*/payload/**", "/events/*/payload");
  }
}
