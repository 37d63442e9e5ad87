package io.adoconnect.simulator.wit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One work item: its fields by reference name (without the computed {@code System.Id} and {@code
 * System.Rev}), its revision and comments. Not thread-safe: {@link WorkItemStore} guards it.
 */
final class WorkItem {
  final int id;
  final Project project;
  int rev = 1;
  final Map<String, JsonNode> fields = new LinkedHashMap<>();
  final List<ObjectNode> comments = new ArrayList<>();

  WorkItem(int id, Project project) {
    this.id = id;
    this.project = project;
  }

  String type() {
    return text(WorkItemFields.TYPE);
  }

  /** A field's value as text ({@code System.Id}/{@code System.Rev} included), or null. */
  String text(String referenceName) {
    JsonNode value = value(referenceName);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isObject() ? value.path("displayName").asText() : value.asText();
  }

  /** A field's value ({@code System.Id}/{@code System.Rev} included), or null. */
  JsonNode value(String referenceName) {
    if (referenceName.equals(WorkItemFields.ID)) {
      return IntNode.valueOf(id);
    }
    if (referenceName.equals(WorkItemFields.REV)) {
      return IntNode.valueOf(rev);
    }
    return fields.get(referenceName);
  }
}
