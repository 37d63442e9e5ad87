package io.adoconnect.simulator.wit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a JSON Patch document ({@code add}, {@code replace}, {@code remove}, {@code test}) to a
 * work item's fields, all or nothing: the ops run on a copy that replaces the fields only when
 * every op succeeded. Paths: {@code /fields/{name}} (reference or friendly name) and {@code /rev}
 * (test only).
 */
final class JsonPatch {

  /** A refused patch: the status and message to answer. */
  static final class PatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String typeName;

    PatchException(int status, String message, String typeName) {
      super(message);
      this.status = status;
      this.typeName = typeName;
    }
  }

  private static final String WIT = "Microsoft.TeamFoundation.WorkItemTracking.Server.";
  private static final String WIT_ASSEMBLY = ", Microsoft.TeamFoundation.WorkItemTracking.Server";

  private JsonPatch() {}

  /**
   * The fields after applying {@code patch} to {@code item}'s (the item itself is not changed).
   *
   * @throws PatchException when the document is malformed or an op fails
   */
  static Map<String, JsonNode> apply(JsonNode patch, WorkItem item) {
    if (patch == null || !patch.isArray() || patch.isEmpty()) {
      // Wording seen in the field (devopshq/tfs#39); type unverified.
      throw new PatchException(
          400,
          "You must pass a valid patch document in the body of the request.",
          "Microsoft.VisualStudio.Services.Common.VssPropertyValidationException,"
              + " Microsoft.VisualStudio.Services.Common");
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>(item.fields);
    for (JsonNode op : patch) {
      String kind = op.path("op").asText("").toLowerCase(Locale.ROOT);
      String path = op.path("path").asText("");
      JsonNode value = op.get("value");
      if (path.equalsIgnoreCase("/rev")) {
        if (!kind.equals("test")) {
          throw readOnly("System.Rev");
        }
        if (value == null || value.asInt(-1) != item.rev) {
          // 412 for a stale revision as observed on the service (microsoft/azure-devops-mcp#1526);
          // the wording is from older TFS and unverified.
          throw new PatchException(
              412,
              "TF26071: This work item has been changed by someone else since you opened it. You"
                  + " will need to refresh it and discard your changes.",
              WIT + "WorkItemRevisionMismatchException" + WIT_ASSEMBLY);
        }
        continue;
      }
      if (!path.regionMatches(true, 0, "/fields/", 0, "/fields/".length())) {
        // The simulator keeps fields only (no relations or attachments).
        throw new PatchException(
            400,
            "The path '" + path + "' is not supported; use /fields/{referenceName} or /rev.",
            "Microsoft.VisualStudio.Services.Common.VssPropertyValidationException,"
                + " Microsoft.VisualStudio.Services.Common");
      }
      String name = path.substring("/fields/".length());
      Optional<String> field = WorkItemFields.referenceName(name);
      if (field.isEmpty()) {
        // Wording unverified.
        throw new PatchException(
            400,
            "TF51535: Cannot find field " + name + ".",
            WIT + "FieldNotFoundException" + WIT_ASSEMBLY);
      }
      String reference = field.get();
      switch (kind) {
        case "add", "replace" -> {
          if (value == null) {
            throw new PatchException(
                400,
                "The value of the '" + kind + "' operation on " + path + " is missing.",
                "Microsoft.VisualStudio.Services.Common.VssPropertyValidationException,"
                    + " Microsoft.VisualStudio.Services.Common");
          }
          if (WorkItemFields.READ_ONLY.contains(reference)) {
            throw readOnly(reference);
          }
          fields.put(reference, value);
        }
        case "remove" -> {
          if (WorkItemFields.READ_ONLY.contains(reference)) {
            throw readOnly(reference);
          }
          fields.remove(reference);
        }
        case "test" -> {
          JsonNode actual = item.value(reference);
          boolean same =
              actual == null
                  ? value == null || value.isNull()
                  : value != null && actual.asText().equals(value.asText());
          if (!same) {
            // Status and wording unverified.
            throw new PatchException(
                400,
                "The test operation on "
                    + path
                    + " failed: the field's value is "
                    + (actual == null ? "empty" : "'" + actual.asText() + "'")
                    + ".",
                WIT + "WorkItemPatchTestFailedException" + WIT_ASSEMBLY);
          }
        }
        default ->
            throw new PatchException(
                400,
                "The operation '" + kind + "' is not supported; use add, replace, remove or test.",
                "Microsoft.VisualStudio.Services.Common.VssPropertyValidationException,"
                    + " Microsoft.VisualStudio.Services.Common");
      }
    }
    return fields;
  }

  private static PatchException readOnly(String field) {
    // Wording unverified.
    return new PatchException(
        400,
        "TF401326: Invalid field status 'ReadOnly' for field '" + field + "'.",
        WIT + "WorkItemFieldInvalidException" + WIT_ASSEMBLY);
  }
}
