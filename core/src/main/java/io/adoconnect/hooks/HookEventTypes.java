package io.adoconnect.hooks;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.Names;
import java.util.List;

/** The event types ado-connect subscribes to (publisher {@code tfs}) and what each needs. */
public final class HookEventTypes {
  public static final String GIT_PUSH = "git.push";
  public static final String PULL_REQUEST_CREATED = "git.pullrequest.created";
  public static final String PULL_REQUEST_UPDATED = "git.pullrequest.updated";
  public static final String BUILD_COMPLETE = "build.complete";

  /**
   * A repository was created, deleted or renamed in the project (Azure DevOps' events.md): the
   * service forgets its kept repository listings of that organization when one arrives and its
   * re-check trusts it, so a new repository shows at once.
   */
  public static final String REPO_CREATED = "git.repo.created";

  public static final String REPO_DELETED = "git.repo.deleted";
  public static final String REPO_RENAMED = "git.repo.renamed";

  /** The default of a subscribe: what a source's sync and builds follow. */
  public static final List<String> ALL =
      List.of(GIT_PUSH, PULL_REQUEST_CREATED, PULL_REQUEST_UPDATED, BUILD_COMPLETE);

  /** The repository events, subscribed to by name (they are per project, never per repository). */
  public static final List<String> REPOSITORY_EVENTS =
      List.of(REPO_CREATED, REPO_DELETED, REPO_RENAMED);

  /** Every event type ado-connect subscribes to. */
  public static final List<String> SUPPORTED =
      List.of(
          GIT_PUSH,
          PULL_REQUEST_CREATED,
          PULL_REQUEST_UPDATED,
          BUILD_COMPLETE,
          REPO_CREATED,
          REPO_DELETED,
          REPO_RENAMED);

  private HookEventTypes() {}

  /** {@code eventType} if ado-connect supports it; otherwise bad input naming the choices. */
  public static String check(String eventType) {
    if (eventType == null || !SUPPORTED.contains(eventType.strip())) {
      throw new InvalidInputException(
          Names.shown(eventType, "event type") + " is not an event type ado-connect subscribes to.",
          "Use one of " + String.join(", ", SUPPORTED) + ".");
    }
    return eventType.strip();
  }

  /**
   * The scope creating a subscription for {@code eventType} needs: the spec lists {@code vso.code},
   * {@code vso.build} and {@code vso.work} (azure-devops-rest.md §8), read here as "the one of the
   * event's area"; the {@code vso.hooks*} scopes are no longer offered on new tokens.
   */
  public static AccessScope scope(String eventType) {
    return eventType.startsWith("build.") ? AccessScope.BUILD_READ : AccessScope.CODE_READ;
  }

  /**
   * Whether the event names a repository (build events filter on definitions instead; repository
   * events are about the project's set of repositories).
   */
  public static boolean filtersOnRepository(String eventType) {
    return eventType.startsWith("git.") && !REPOSITORY_EVENTS.contains(eventType);
  }

  /** Whether the event changes which repositories a project has (or what they are called). */
  public static boolean changesRepositories(String eventType) {
    return REPOSITORY_EVENTS.contains(eventType);
  }
}
