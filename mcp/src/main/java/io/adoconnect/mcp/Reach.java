package io.adoconnect.mcp;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.OrganizationHandle;
import io.adoconnect.connect.ProjectHandle;
import io.adoconnect.connect.RepositoryHandle;
import io.adoconnect.connect.SourceView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sources-only confinement: when on, a repository-scoped call only reaches a repository added
 * as a source, a project-scoped call only a project that holds one, and lists keep only those. A
 * place is matched by its account's host (two Servers can both have a {@code DefaultCollection}),
 * organization, project and repository (name or id), ignoring case as Azure DevOps does.
 *
 * <p>When off, every check passes. Sources are read once per call.
 */
final class Reach {
  private final AdoConnect ado;
  private final boolean confined;
  private List<Place> sources;
  private final Map<String, String> hostOfAccount = new HashMap<>();

  Reach(AdoConnect ado, boolean confined) {
    this.ado = ado;
    this.confined = confined;
  }

  boolean confined() {
    return confined;
  }

  /** Refused unless a source lives in this organization. */
  void check(OrganizationHandle org) {
    if (confined
        && sources().stream()
            .noneMatch(s -> s.in(org.account().host(), org.ref().organization(), null))) {
      throw refusal("organization " + org.ref().path());
    }
  }

  /** Refused unless a source lives in this project. */
  void check(ProjectHandle project) {
    if (confined
        && !allowsProject(
            project.account().host(), project.ref().organization(), project.ref().project())) {
      throw refusal("project " + project.ref().path());
    }
  }

  /** Refused unless this repository is a source. */
  void check(RepositoryHandle repo) {
    String host = repo.account().host();
    if (confined
        && sources().stream()
            .noneMatch(
                s ->
                    s.in(host, repo.ref().organization(), repo.ref().project())
                        && s.isRepository(repo.ref().repository()))) {
      throw refusal("repository " + repo.ref().path());
    }
  }

  /** Whether a project (by its account's host) holds a source; always true when not confined. */
  boolean allowsProject(String host, String organization, String project) {
    return !confined || sources().stream().anyMatch(s -> s.in(host, organization, project));
  }

  /** Whether a repository found with {@code accountId} is a source (or not confined). */
  boolean allowsRepository(
      String accountId, String organization, String project, String repository) {
    if (!confined) {
      return true;
    }
    String host = host(accountId);
    return sources().stream()
        .anyMatch(s -> s.in(host, organization, project) && s.isRepository(repository));
  }

  /** Whether a project reached with {@code accountId} holds a source (or not confined). */
  boolean allowsProjectOf(String accountId, String organization, String project) {
    return !confined || allowsProject(host(accountId), organization, project);
  }

  /**
   * Whether an event's place (by names only: an event carries no account) is a source, or its
   * project holds one when it names no repository; always true when not confined.
   */
  boolean allowsNamed(String organization, String project, String repository) {
    if (!confined) {
      return true;
    }
    if (organization == null || project == null) {
      return false;
    }
    return sources().stream()
        .anyMatch(
            s ->
                s.source().organization().equalsIgnoreCase(organization)
                    && s.source().project().equalsIgnoreCase(project)
                    && (repository == null || s.isRepository(repository)));
  }

  private String host(String accountId) {
    return hostOfAccount.computeIfAbsent(
        accountId,
        id -> {
          try {
            return ado.account(id).host();
          } catch (RuntimeException gone) {
            return "";
          }
        });
  }

  private List<Place> sources() {
    if (sources == null) {
      sources = ado.sources().stream().map(s -> new Place(host(s.accountId()), s)).toList();
    }
    return sources;
  }

  private static McpRefusal refusal(String what) {
    return new McpRefusal(
        "Refused: the "
            + what
            + " is not among the repositories added as sources, and this MCP server is confined to the sources (sources-only mode).",
        "Use list_sources to see what is reachable; a person can add the repository as a source, or run the server without sources-only mode.");
  }

  /** A source's place, compared ignoring case. */
  private record Place(String host, SourceView source) {
    boolean in(String otherHost, String organization, String project) {
      return host.equalsIgnoreCase(Optional.ofNullable(otherHost).orElse(""))
          && source.organization().equalsIgnoreCase(organization)
          && (project == null || source.project().equalsIgnoreCase(project));
    }

    boolean isRepository(String nameOrId) {
      return source.repository().equalsIgnoreCase(nameOrId)
          || (source.repositoryId() != null && source.repositoryId().equalsIgnoreCase(nameOrId));
    }
  }
}
