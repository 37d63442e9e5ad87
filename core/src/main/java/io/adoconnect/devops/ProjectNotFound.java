package io.adoconnect.devops;

import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.http.Names;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A 404 that is about the project (Azure DevOps' {@code ProjectDoesNotExistWithNameException} and
 * the like), said the same way by every area client: which project, in which organization, and
 * where to look.
 */
public final class ProjectNotFound {
  private ProjectNotFound() {}

  /** Whether Azure DevOps' 404 is about the project: its type key names one. */
  public static boolean isAbout(NotFoundException e) {
    return e.typeKey() != null && e.typeKey().toLowerCase(Locale.ROOT).contains("project");
  }

  /** The 404 restated as "the project was not found". */
  public static NotFoundException of(Organization org, String project, NotFoundException e) {
    return new NotFoundException(
        e.typeKey(),
        "The project "
            + Names.shown(project, "project name")
            + " was not found in "
            + org.name()
            + ".",
        NextStep.listRepositories(org.name())
            .withAdvice(
                "Check the name as it appears in your Azure DevOps URL; the organization's"
                    + " repositories show its projects."));
  }

  /** Runs {@code call}, restating a 404 about the project; other 404s pass unchanged. */
  public static <T> T restated(Organization org, String project, Supplier<T> call) {
    try {
      return call.get();
    } catch (NotFoundException e) {
      throw isAbout(e) ? of(org, project, e) : e;
    }
  }
}
