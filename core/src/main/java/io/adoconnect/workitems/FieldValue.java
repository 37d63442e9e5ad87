package io.adoconnect.workitems;

import io.adoconnect.InvalidInputException;
import java.util.LinkedHashMap;
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
          "'" + assignment + "' is not a field assignment.",
          "Write it as Field=value, e.g. --field Priority=1 or --field System.Tags=ui.");
    }
    return new FieldValue(referenceName(assignment.substring(0, eq)), assignment.substring(eq + 1));
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
          "'" + trimmed + "' is not a work item field ado-connect knows.",
          "Use the field's reference name (e.g. System.Title, Microsoft.VSTS.Common.Priority,"
              + " Custom.Team) or one of: Title, State, Reason, Description, AssignedTo, AreaPath,"
              + " IterationPath, Tags, History, Priority, Severity, StoryPoints, RemainingWork,"
              + " AcceptanceCriteria, ReproSteps.");
    }
    return known;
  }
}
