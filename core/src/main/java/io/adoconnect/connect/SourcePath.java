package io.adoconnect.connect;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Names;

/** {@code ORGANIZATION/PROJECT/REPOSITORY}, as users type a source. */
record SourcePath(String organization, String project, String repository) {
  static SourcePath parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
    if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
      throw new InvalidInputException(
          Names.shown(text, "repository path") + " is not a repository path.",
          "Write it as ORGANIZATION/PROJECT/REPOSITORY, e.g. fabrikam/Fabrikam Fiber/web-app (quote names with spaces);"
              + " ado-connect repos lists them.");
    }
    return new SourcePath(
        Names.checkSegment(parts[0].strip(), "organization name"),
        Names.checkSegment(parts[1].strip(), "project name"),
        Names.checkSegment(parts[2].strip(), "repository name"));
  }

  @Override
  public String toString() {
    return organization + "/" + project + "/" + repository;
  }
}
