package io.adoconnect.simulator.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An organization (Services) or a project collection (Server) with its projects and repositories.
 *
 * @param instanceId host id reported by connectionData and used as {@code accountId}
 * @param repositories all repositories of all projects, in project order
 */
public record Collection(
    String name,
    Deployment deployment,
    UUID instanceId,
    List<Project> projects,
    List<Repository> repositories) {

  public Collection {
    projects = List.copyOf(projects);
    repositories = List.copyOf(repositories);
  }

  /** Finds a project by id or by name (case-insensitive, as Azure DevOps does). */
  public Optional<Project> project(String idOrName) {
    return projects.stream().filter(p -> matches(p.id(), p.name(), idOrName)).findFirst();
  }

  /** The repositories of one project. */
  public List<Repository> repositoriesOf(Project project) {
    return repositories.stream().filter(r -> r.project().id().equals(project.id())).toList();
  }

  /** Finds a repository by id or name among {@code candidates}. */
  public static Optional<Repository> repository(List<Repository> candidates, String idOrName) {
    return candidates.stream().filter(r -> matches(r.id(), r.name(), idOrName)).findFirst();
  }

  private static boolean matches(UUID id, String name, String idOrName) {
    return id.toString().equalsIgnoreCase(idOrName)
        || name.toLowerCase(Locale.ROOT).equals(idOrName.toLowerCase(Locale.ROOT));
  }
}
