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

  /** All of them, the default of a subscribe. */
  public static final List<String> ALL =
      List.of(GIT_PUSH, PULL_REQUEST_CREATED, PULL_REQUEST_UPDATED, BUILD_COMPLETE);

  private HookEventTypes() {}

  /** {@code eventType} if ado-connect supports it; otherwise bad input naming the choices. */
  public static String check(String eventType) {
    if (eventType == null || !ALL.contains(eventType.strip())) {
      throw new InvalidInputException(
          Names.shown(eventType, "event type") + " is not an event type ado-connect subscribes to.",
          "Use one of " + String.join(", ", ALL) + ".");
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

  /** Whether the event names a repository (build events filter on definitions instead). */
  public static boolean filtersOnRepository(String eventType) {
    return eventType.startsWith("git.");
  }
}
