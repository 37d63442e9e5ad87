package io.adoconnect.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's input JSON Schema, built property by property so every tool states its types,
 * descriptions and required inputs (and the SDK can validate calls against it).
 *
 * <pre>{@code
 * Schema.object().string("organization", "Organization or Server collection name", true)
 * }</pre>
 */
final class Schema {
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();

  private Schema() {}

  static Schema object() {
    return new Schema();
  }

  /** {@code organization}, optional {@code account}: where an organization-scoped tool acts. */
  static Schema organization() {
    return object()
        .string(
            "organization",
            "Azure DevOps organization, or Azure DevOps Server collection, name (as list_organizations shows it).",
            true)
        .string(
            "account",
            "Connected account id; only needed when several accounts on different hosts reach the same name.",
            false);
  }

  /** {@link #organization} plus {@code project}. */
  static Schema project() {
    return organization().string("project", "Project name or id.", true);
  }

  /** {@link #project} plus {@code repository}. */
  static Schema repository() {
    return project().string("repository", "Git repository name or id.", true);
  }

  /** {@code cursor}: the {@code nextCursor} of the previous page; {@code limit}: its size. */
  Schema paged() {
    return string(
            "cursor",
            "nextCursor from the previous page of the same call; omit for the first page.",
            false)
        .integer(
            "limit",
            "Items per page, 1 to " + ToolCall.MAX_PAGE + " (default " + ToolCall.PAGE + ").",
            false);
  }

  Schema string(String name, String description, boolean isRequired) {
    return property(name, Map.of("type", "string", "description", description), isRequired);
  }

  Schema integer(String name, String description, boolean isRequired) {
    return property(name, Map.of("type", "integer", "description", description), isRequired);
  }

  Schema bool(String name, String description, boolean isRequired) {
    return property(name, Map.of("type", "boolean", "description", description), isRequired);
  }

  Schema strings(String name, String description, boolean isRequired) {
    return property(
        name,
        Map.of("type", "array", "items", Map.of("type", "string"), "description", description),
        isRequired);
  }

  Schema choice(String name, String description, List<String> values, boolean isRequired) {
    return property(
        name, Map.of("type", "string", "enum", values, "description", description), isRequired);
  }

  /** An object whose values are strings: {@code {"System.Title": "…"}}. */
  Schema stringMap(String name, String description, boolean isRequired) {
    return property(
        name,
        Map.of(
            "type",
            "object",
            "additionalProperties",
            Map.of("type", "string"),
            "description",
            description),
        isRequired);
  }

  private Schema property(String name, Map<String, Object> schema, boolean isRequired) {
    properties.put(name, schema);
    if (isRequired) {
      required.add(name);
    }
    return this;
  }

  Map<String, Object> toMap() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", new LinkedHashMap<>(properties));
    if (!required.isEmpty()) {
      schema.put("required", List.copyOf(required));
    }
    schema.put("additionalProperties", false);
    return schema;
  }
}
