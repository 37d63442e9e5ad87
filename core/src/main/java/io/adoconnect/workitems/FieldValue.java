package io.adoconnect.workitems;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code field=value} a user sets. The field is a reference name ({@code System.Title}, {@code
 * Custom.Team}) or a shorthand ({@code Title}, {@code AssignedTo}, {@code Priority}); an empty
 * value clears the field.
 */
public record FieldValue(String referenceName, String value) {
  private static final Map<String, String> SHORTHANDS = new LinkedHashMap<>();

  static {
    SHORTHANDS.put("title", "System.Title");
    SHORTHANDS.put("state", "System.State");
    SHORTHANDS.put("reason", "System.Reason");
    SHORTHANDS.put("description", "System.Description");
    SHORTHANDS.put("assignedto", "System.AssignedTo");
    SHORTHANDS.put("areapath", "System.AreaPath");
    SHORTHANDS.put("iterationpath", "System.IterationPath");
    SHORTHANDS.put("tags", "System.Tags");
    SHORTHANDS.put("history", "System.History");
    SHORTHANDS.put("priority", "Microsoft.VSTS.Common.Priority");
    SHORTHANDS.put("severity", "Microsoft.VSTS.Common.Severity");
    SHORTHANDS.put("storypoints", "Microsoft.VSTS.Scheduling.StoryPoints");
    SHORTHANDS.put("remainingwork", "Microsoft.VSTS.Scheduling.RemainingWork");
    SHORTHANDS.put("acceptancecriteria", "Microsoft.VSTS.Common.AcceptanceCriteria");
    SHORTHANDS.put("reprosteps", "Microsoft.VSTS.TCM.ReproSteps");
  }

  /** Parses {@code Field=value} (the first {@code =} splits). */
  public static FieldValue parse(String assignment) {
    int eq = assignment == null ? -1 : assignment.indexOf('=');
    if (eq <= 0) {
      throw new InvalidInputException(
          "Can't read " + Names.shown(assignment, "field assignment") + " as Field=value.",
          "Write it as Field=value, e.g. Priority=1 or System.Tags=ui.");
    }
    return new FieldValue(referenceName(assignment.substring(0, eq)), assignment.substring(eq + 1));
  }

  /**
   * Fields named as a user writes them, {@code Title,State} (null or blank: none), as reference
   * names.
   */
  public static List<String> names(String commaSeparated) {
    List<String> names = new ArrayList<>();
    if (commaSeparated != null) {
      for (String field : commaSeparated.split(",")) {
        if (!field.isBlank()) {
          names.add(referenceName(field));
        }
      }
    }
    return names;
  }

  /** Fields named as a user writes them (null: none), as reference names. */
  public static List<String> names(List<String> fields) {
    return fields == null ? List.of() : fields.stream().map(FieldValue::referenceName).toList();
  }

  /** {@code Field=value} assignments (null: none). */
  public static List<FieldValue> parseAll(List<String> assignments) {
    return assignments == null ? List.of() : assignments.stream().map(FieldValue::parse).toList();
  }

  /** Fields and their values (null: none; a null value clears the field). */
  public static List<FieldValue> of(Map<String, String> fields) {
    List<FieldValue> values = new ArrayList<>();
    if (fields != null) {
      fields.forEach(
          (name, value) ->
              values.add(new FieldValue(referenceName(name), value == null ? "" : value)));
    }
    return values;
  }

  /** The reference name for a reference name or a shorthand (case and spaces ignored). */
  public static String referenceName(String field) {
    String trimmed = field == null ? "" : field.strip();
    if (trimmed.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+")) {
      return trimmed;
    }
    String known = SHORTHANDS.get(trimmed.replace(" ", "").toLowerCase(Locale.ROOT));
    if (known == null) {
      throw new InvalidInputException(
          "No work item field ado-connect knows is named "
              + Names.shown(trimmed, "field name")
              + ".",
          "Use the field's reference name (e.g. System.Title, Microsoft.VSTS.Common.Priority,"
              + " Custom.Team) or one of: Title, State, Reason, Description, AssignedTo, AreaPath,"
              + " IterationPath, Tags, History, Priority, Severity, StoryPoints, RemainingWork,"
              + " AcceptanceCriteria, ReproSteps.");
    }
    return known;
  }
}
