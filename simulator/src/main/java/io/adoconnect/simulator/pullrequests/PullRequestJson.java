package io.adoconnect.simulator.pullrequests;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Scope;
import io.adoconnect.simulator.projects.ProjectJson;
import io.adoconnect.simulator.repositories.CloneUrls;
import java.util.Map;
import java.util.UUID;

/** {@code GitPullRequest} JSON in the shape of {@code pull-request.json}, and its parts. */
final class PullRequestJson {
  /** List results cut descriptions to 400 characters (azure-devops-rest.md §7.8). */
  static final int LIST_DESCRIPTION_LIMIT = 400;

  private PullRequestJson() {}

  static ObjectNode of(PullRequestState pr, Scope scope, boolean inList) {
    String repoUrl = repositoryUrl(scope, pr.repository);
    String self = repoUrl + "/pullRequests/" + pr.id;
    ObjectNode node = Json.object();
    node.set("repository", repository(pr.repository, scope));
    node.put("pullRequestId", pr.id);
    node.put("codeReviewId", pr.id);
    node.put("status", pr.status);
    node.set("createdBy", identity(pr.createdBy, scope));
    node.put("creationDate", Json.timestamp(pr.created));
    if (pr.closed != null) {
      node.put("closedDate", Json.timestamp(pr.closed));
      node.set("closedBy", identity(pr.closedBy, scope));
    }
    node.put("title", pr.title);
    if (pr.description != null) {
      node.put(
          "description",
          inList && pr.description.length() > LIST_DESCRIPTION_LIMIT
              ? pr.description.substring(0, LIST_DESCRIPTION_LIMIT)
              : pr.description);
    }
    node.put("sourceRefName", pr.source.refName());
    node.put("targetRefName", pr.target.refName());
    node.put("isDraft", pr.draft);
    node.put("mergeStatus", "succeeded");
    node.put(
        "mergeId",
        UUID.nameUUIDFromBytes((pr.collection.name() + "|merge|" + pr.id).getBytes(UTF_8))
            .toString());
    node.set("lastMergeSourceCommit", commit(repoUrl, pr.source.commitId()));
    node.set("lastMergeTargetCommit", commit(repoUrl, pr.target.commitId()));
    if (pr.mergeCommit != null) {
      node.set("lastMergeCommit", commit(repoUrl, pr.mergeCommit));
    }
    var reviewers = node.putArray("reviewers");
    for (Map.Entry<SimulatedUser, Integer> r : pr.reviewers.entrySet()) {
      reviewers.add(reviewer(r.getKey(), r.getValue(), self, scope));
    }
    if (pr.mergeStrategy != null) {
      ObjectNode options = node.putObject("completionOptions");
      options.put("mergeStrategy", pr.mergeStrategy);
      options.put("deleteSourceBranch", pr.deleteSourceBranch);
    }
    node.put("url", self);
    if (!inList) {
      ObjectNode links = node.putObject("_links");
      link(links, "self", self);
      link(links, "repository", repoUrl);
      link(links, "workItems", self + "/workitems");
      link(links, "sourceBranch", repoUrl + "/refs");
      link(links, "targetBranch", repoUrl + "/refs");
      link(links, "statuses", self + "/statuses");
      link(links, "sourceCommit", repoUrl + "/commits/" + pr.source.commitId());
      link(links, "targetCommit", repoUrl + "/commits/" + pr.target.commitId());
      link(links, "createdBy", identityUrl(pr.createdBy, scope));
      link(links, "iterations", self + "/iterations");
    }
    node.put("supportsIterations", true);
    node.put(
        "artifactId",
        "vstfs:///Git/PullRequestId/"
            + pr.repository.project().id()
            + "%2f"
            + pr.repository.id()
            + "%2f"
            + pr.id);
    return node;
  }

  static ObjectNode reviewer(SimulatedUser user, int vote, String prUrl, Scope scope) {
    ObjectNode node = Json.object();
    node.put("reviewerUrl", prUrl + "/reviewers/" + user.id());
    node.put("vote", vote);
    node.put("hasDeclined", false);
    node.put("isFlagged", false);
    node.setAll(identity(user, scope));
    return node;
  }

  /** The whole IdentityRef (see {@link Json#identityRef(SimulatedUser, Scope)}). */
  static ObjectNode identity(SimulatedUser user, Scope scope) {
    return Json.identityRef(user, scope);
  }

  static String repositoryUrl(Scope scope, Repository repository) {
    return scope.baseUrl()
        + "/"
        + repository.project().id()
        + "/_apis/git/repositories/"
        + repository.id();
  }

  private static ObjectNode repository(Repository repository, Scope scope) {
    ObjectNode node = Json.object();
    node.put("id", repository.id().toString());
    node.put("name", repository.name());
    node.put("url", repositoryUrl(scope, repository));
    node.set("project", ProjectJson.reference(repository.project(), scope, true));
    if (repository.hasRemoteUrl()) {
      node.put("remoteUrl", CloneUrls.remoteUrl(repository, scope));
      node.put("webUrl", CloneUrls.webUrl(repository, scope));
    }
    return node;
  }

  private static String identityUrl(SimulatedUser user, Scope scope) {
    return scope.baseUrl() + "/_apis/Identities/" + user.id();
  }

  private static ObjectNode commit(String repoUrl, String commitId) {
    ObjectNode node = Json.object();
    node.put("commitId", commitId);
    node.put("url", repoUrl + "/commits/" + commitId);
    return node;
  }

  private static void link(ObjectNode links, String name, String href) {
    links.putObject(name).put("href", href);
  }
}
