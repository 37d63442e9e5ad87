package io.adoconnect.connect;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Names;

/** {@code ORGANIZATION[/PROJECT[/REPOSITORY]]} as users type it, with the parts a command needs. */
record TargetPath(String organization, String project, String repository) {

  static TargetPath organization(String text) {
    return parse(text, 1, "ORGANIZATION", "fabrikam");
  }

  static TargetPath project(String text) {
    return parse(text, 2, "ORGANIZATION/PROJECT", "fabrikam/Fabrikam Fiber");
  }

  static TargetPath repository(String text) {
    SourcePath path = SourcePath.parse(text);
    return new TargetPath(path.organization(), path.project(), path.repository());
  }

  private static TargetPath parse(String text, int parts, String form, String example) {
    String[] split = text == null ? new String[0] : text.strip().split("/", -1);
    boolean blank = false;
    for (String part : split) {
      blank |= part.isBlank();
    }
    if (split.length != parts || blank) {
      throw new InvalidInputException(
          Names.shown(text, parts == 1 ? "organization" : "project path")
              + " is not "
              + (parts == 1 ? "an organization" : "a project path")
              + ".",
          "Write it as "
              + form
              + ", e.g. "
              + example
              + " (quote names with spaces); ado-connect repos lists them.");
    }
    return new TargetPath(
        Names.checkSegment(split[0].strip(), "organization name"),
        parts > 1 ? Names.checkSegment(split[1].strip(), "project name") : null,
        null);
  }
}
