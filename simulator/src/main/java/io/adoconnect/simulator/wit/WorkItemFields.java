package io.adoconnect.simulator.wit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields and types of the Agile process the simulated projects use: reference names with their
 * friendly names, the work item types and the states each allows.
 */
final class WorkItemFields {
  static final String ID = "System.Id";
  static final String REV = "System.Rev";
  static final String TITLE = "System.Title";
  static final String STATE = "System.State";
  static final String TYPE = "System.WorkItemType";
  static final String PROJECT = "System.TeamProject";
  static final String HISTORY = "System.History";
  static final String COMMENT_COUNT = "System.CommentCount";

  /** Reference name → friendly name, as the WIQL column list shows them. */
  private static final Map<String, String> FRIENDLY = new LinkedHashMap<>();

  static {
    FRIENDLY.put(ID, "ID");
    FRIENDLY.put(REV, "Rev");
    FRIENDLY.put(TITLE, "Title");
    FRIENDLY.put(STATE, "State");
    FRIENDLY.put(TYPE, "Work Item Type");
    FRIENDLY.put(PROJECT, "Team Project");
    FRIENDLY.put("System.AreaPath", "Area Path");
    FRIENDLY.put("System.IterationPath", "Iteration Path");
    FRIENDLY.put("System.Reason", "Reason");
    FRIENDLY.put("System.AssignedTo", "Assigned To");
    FRIENDLY.put("System.CreatedDate", "Created Date");
    FRIENDLY.put("System.CreatedBy", "Created By");
    FRIENDLY.put("System.ChangedDate", "Changed Date");
    FRIENDLY.put("System.ChangedBy", "Changed By");
    FRIENDLY.put("System.Description", "Description");
    FRIENDLY.put("System.Tags", "Tags");
    FRIENDLY.put(HISTORY, "History");
    FRIENDLY.put(COMMENT_COUNT, "Comment Count");
    FRIENDLY.put("Microsoft.VSTS.Common.Priority", "Priority");
    FRIENDLY.put("Microsoft.VSTS.Common.Severity", "Severity");
    FRIENDLY.put("Microsoft.VSTS.Common.StateChangeDate", "State Change Date");
    FRIENDLY.put("Microsoft.VSTS.Scheduling.RemainingWork", "Remaining Work");
    FRIENDLY.put("Microsoft.VSTS.Scheduling.StoryPoints", "Story Points");
  }

  /** Fields only Azure DevOps itself sets. */
  static final Set<String> READ_ONLY =
      Set.of(
          ID,
          REV,
          "System.CreatedDate",
          "System.CreatedBy",
          "System.ChangedDate",
          "System.ChangedBy",
          COMMENT_COUNT,
          PROJECT);

  /** Work item type → its states, the first being where a new item starts. */
  private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("Bug", List.of("New", "Active", "Resolved", "Closed"));
    TYPES.put("Task", List.of("New", "Active", "Closed", "Removed"));
    TYPES.put("User Story", List.of("New", "Active", "Resolved", "Closed", "Removed"));
    TYPES.put("Feature", List.of("New", "Active", "Resolved", "Closed", "Removed"));
    TYPES.put("Epic", List.of("New", "Active", "Resolved", "Closed", "Removed"));
    TYPES.put("Issue", List.of("Active", "Closed"));
  }

  private WorkItemFields() {}

  /**
   * The reference name for a reference name (any dotted name: custom fields exist) or a known
   * friendly name, case-insensitively; empty when neither.
   */
  static Optional<String> referenceName(String name) {
    String trimmed = name.trim();
    for (Map.Entry<String, String> field : FRIENDLY.entrySet()) {
      if (field.getKey().equalsIgnoreCase(trimmed) || field.getValue().equalsIgnoreCase(trimmed)) {
        return Optional.of(field.getKey());
      }
    }
    return trimmed.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+")
        ? Optional.of(trimmed)
        : Optional.empty();
  }

  /** The friendly name of a reference name (its last part for fields not listed). */
  static String friendlyName(String referenceName) {
    String known = FRIENDLY.get(referenceName);
    return known != null ? known : referenceName.substring(referenceName.lastIndexOf('.') + 1);
  }

  /** The type's canonical name, matched case-insensitively. */
  static Optional<String> type(String name) {
    return TYPES.keySet().stream().filter(t -> t.equalsIgnoreCase(name.trim())).findFirst();
  }

  static List<String> states(String type) {
    return TYPES.getOrDefault(type, List.of());
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
