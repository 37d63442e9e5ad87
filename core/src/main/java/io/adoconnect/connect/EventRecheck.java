package io.adoconnect.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.NotFoundException;
import io.adoconnect.builds.Build;
import io.adoconnect.builds.BuildStatus;
import io.adoconnect.builds.BuildsClient;
import io.adoconnect.git.GitClient;
import io.adoconnect.git.Ref;
import io.adoconnect.hooks.HookEvent;
import io.adoconnect.hooks.HookEventTypes;
import io.adoconnect.pullrequests.PullRequest;
import io.adoconnect.pullrequests.PullRequestsClient;
import io.adoconnect.repositories.RepositoriesClient;
import io.adoconnect.repositories.Repository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether Azure DevOps, asked with the subscribing account's token, shows what a delivered event
 * says: a push's refs at the pushed commits, a pull request with the event's status (and, when
 * created, its title and branches), a build completed with the event's result. A forged delivery
 * would have to be true to be trusted.
 */
final class EventRecheck {
  /** The outcome: trusted or not, and why, in words for the user. */
  record Verdict(boolean trusted, String reason) {}

  private final OrganizationHandle target;
  private final String projectId;

  /** {@code target}: the subscribing account's organization and authenticated http. */
  EventRecheck(OrganizationHandle target, String projectId) {
    this.target = target;
    this.projectId = projectId;
  }

  /** Re-checks {@code event}; the types not re-checked are untrusted with the reason. */
  Verdict check(HookEvent event) {
    return switch (event.eventType()) {
      case HookEventTypes.GIT_PUSH -> push(event);
      case HookEventTypes.PULL_REQUEST_CREATED -> pullRequest(event, true);
      case HookEventTypes.PULL_REQUEST_UPDATED -> pullRequest(event, false);
      case HookEventTypes.BUILD_COMPLETE -> build(event);
      case HookEventTypes.REPO_CREATED, HookEventTypes.REPO_RENAMED -> repositoryNamed(event);
      case HookEventTypes.REPO_DELETED -> repositoryGone(event);
      default ->
          new Verdict(
              false,
              "Not re-checked: only "
                  + String.join(", ", HookEventTypes.SUPPORTED)
                  + " events are re-checked; this one carried the subscription's credential.");
    };
  }

  private Verdict push(HookEvent event) {
    if (event.refUpdates().isEmpty() || event.repositoryId() == null) {
      return new Verdict(false, "The push names no repository or ref updates.");
    }
    Map<String, String> tips =
        new GitClient(target.http())
            .branches(target.organization(), projectId, event.repositoryId()).stream()
                .collect(Collectors.toMap(Ref::name, Ref::objectId, (a, b) -> a));
    for (HookEvent.RefUpdate update : event.refUpdates()) {
      String now = tips.get(update.name());
      if (update.deletesRef()
          ? now != null
          : !update.newObjectId().equalsIgnoreCase(String.valueOf(now))) {
        return new Verdict(
            false,
            update.name()
                + (now == null ? " does not exist" : " is at " + now)
                + " in Azure DevOps, not at "
                + update.newObjectId()
                + ": it moved again since, or the event is not genuine.");
      }
    }
    return new Verdict(
        true,
        "Re-checked with Azure DevOps: "
            + event.refUpdates().stream()
                .map(u -> u.name() + (u.deletesRef() ? " deleted" : " at " + u.newObjectId()))
                .collect(Collectors.joining(", "))
            + ".");
  }

  private Verdict pullRequest(HookEvent event, boolean created) {
    JsonNode resource = event.payload().path("resource");
    int id = resource.path("pullRequestId").asInt(0);
    if (id <= 0 || event.repositoryId() == null) {
      return new Verdict(false, "The pull request event names no pull request or repository.");
    }
    PullRequest now =
        new PullRequestsClient(target.http())
            .get(target.organization(), projectId, event.repositoryId(), id);
    List<String> differences = new ArrayList<>();
    // A created event is checked on what never changes after creation (it may arrive after the
    // pull request was retitled or completed); an update on the status it reports.
    if (created) {
      compare(differences, "source", text(resource, "sourceRefName"), now.sourceRefName());
      compare(differences, "target", text(resource, "targetRefName"), now.targetRefName());
      compare(differences, "creation date", text(resource, "creationDate"), now.creationDate());
    } else {
      compare(differences, "status", text(resource, "status"), now.status());
    }
    String name = "Pull request " + id;
    if (!differences.isEmpty()) {
      return new Verdict(
          false,
          name
              + " differs in Azure DevOps: "
              + String.join("; ", differences)
              + ". It changed again since, or the event is not genuine.");
    }
    return new Verdict(
        true,
        "Re-checked with Azure DevOps: "
            + name
            + (created ? " exists as the event says" : " is " + now.status() + " as the event says")
            + ".");
  }

  /**
   * A created or renamed repository: it exists under the name the event gives ({@code
   * resource.repository.name}; {@code resource.newName} for a rename).
   */
  private Verdict repositoryNamed(HookEvent event) {
    JsonNode resource = event.payload().path("resource");
    String said =
        text(resource, "newName") != null ? text(resource, "newName") : event.repositoryName();
    if (event.repositoryId() == null || said == null) {
      return new Verdict(false, "The repository event names no repository.");
    }
    Repository now;
    try {
      now =
          new RepositoriesClient(target.http())
              .get(target.organization(), projectId, event.repositoryId());
    } catch (NotFoundException e) {
      return new Verdict(
          false,
          "Repository "
              + event.repositoryId()
              + " does not exist in Azure DevOps: it was deleted since, or the event is not"
              + " genuine.");
    }
    if (!said.equals(now.name())) {
      return new Verdict(
          false,
          "The repository is named '"
              + now.name()
              + "' in Azure DevOps, not '"
              + said
              + "': it was renamed again since, or the event is not genuine.");
    }
    return new Verdict(
        true,
        "Re-checked with Azure DevOps: repository " + now.name() + " exists as the event says.");
  }

  /** A deleted repository: Azure DevOps no longer shows it ({@code resource.repositoryId}). */
  private Verdict repositoryGone(HookEvent event) {
    JsonNode resource = event.payload().path("resource");
    String id =
        text(resource, "repositoryId") != null
            ? text(resource, "repositoryId")
            : event.repositoryId();
    if (id == null) {
      return new Verdict(false, "The repository event names no repository.");
    }
    try {
      Repository still =
          new RepositoriesClient(target.http()).get(target.organization(), projectId, id);
      return new Verdict(
          false,
          "Repository "
              + still.name()
              + " still exists in Azure DevOps: the event is not genuine.");
    } catch (NotFoundException e) {
      return new Verdict(true, "Re-checked with Azure DevOps: repository " + id + " is gone.");
    }
  }

  private Verdict build(HookEvent event) {
    JsonNode resource = event.payload().path("resource");
    int id = resource.path("id").asInt(0);
    if (id <= 0) {
      return new Verdict(false, "The build event names no build.");
    }
    Build now = new BuildsClient(target.http()).get(target.organization(), projectId, id);
    String said = text(resource, "result");
    String name = "Build " + (now.buildNumber() != null ? now.buildNumber() : id);
    if (now.status() != BuildStatus.COMPLETED) {
      return new Verdict(
          false,
          name
              + " is "
              + now.status()
              + " in Azure DevOps, not completed: the event is not genuine.");
    }
    if (said == null || now.result() == null || !said.equalsIgnoreCase(now.result().wire())) {
      return new Verdict(
          false,
          name
              + " completed "
              + now.result()
              + " in Azure DevOps, not "
              + said
              + ": the event is not genuine.");
    }
    return new Verdict(
        true, "Re-checked with Azure DevOps: " + name + " completed " + now.result() + ".");
  }

  private static void compare(List<String> differences, String what, String said, String is) {
    if (!Objects.equals(said, is)) {
      differences.add(what + " is " + quote(is) + ", the event says " + quote(said));
    }
  }

  private static String quote(String text) {
    return text == null ? "nothing" : "'" + text + "'";
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() ? value.asText() : null;
  }
}
