package io.adoconnect.pullrequests;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.ConflictException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Paged;
import io.adoconnect.http.Urls;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Azure DevOps pull requests inside one repository. Reads need Code (Read), changes Code (Read &
 * write), PR statuses Code (Status).
 *
 * <p>Front-ends reach it through {@link RepositoryPullRequests} ({@code
 * ado.repository(ref).pullRequests()}), which holds the repository; this client takes it per call
 * so that core can also read a pull request by repository id (re-checking a service hook event).
 */
public final class PullRequestsClient {
  /** PR lists page with {@code $top}/{@code $skip}, not continuation tokens. */
  static final int PAGE_SIZE = 100;

  private final AzureDevOpsHttp http;
  private final Identities identities;

  public PullRequestsClient(AzureDevOpsHttp http) {
    this.http = http;
    this.identities = new Identities(http);
  }

  /**
   * The pull requests matching {@code criteria}, newest first, fetched a page at a time as the
   * result is iterated.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/pullrequests
   * ?searchCriteria.status=…&searchCriteria.creatorId=…&searchCriteria.reviewerId=…
   * &searchCriteria.targetRefName=…&$top=…&$skip=…
   */
  public Paged<PullRequest> list(
      Organization org, String project, String repository, PullRequestCriteria criteria) {
    Urls url =
        pullRequests(org, project, repository)
            .query("searchCriteria.status", criteria.status())
            .query("searchCriteria.targetRefName", criteria.targetBranch());
    if (criteria.creator() != null) {
      url.query("searchCriteria.creatorId", identities.resolve(org, criteria.creator(), "creator"));
    }
    if (criteria.reviewer() != null) {
      url.query(
          "searchCriteria.reviewerId", identities.resolve(org, criteria.reviewer(), "reviewer"));
    }
    url.query("api-version", org.apiVersion());
    return http.getPagedBySkip(url, PAGE_SIZE, PullRequest.class, AccessScope.CODE_READ);
  }

  /**
   * One pull request, with its full description.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/pullrequests/{id}
   */
  public PullRequest get(Organization org, String project, String repository, int id) {
    URI uri =
        pullRequest(org, project, repository, id).query("api-version", org.apiVersion()).build();
    return named(
        org,
        project,
        repository,
        id,
        () -> http.get(uri, PullRequest.class, AccessScope.CODE_READ));
  }

  /**
   * Opens a pull request; when an active one for the same branches exists (409 TF401179), returns
   * that one instead, marked {@link OpenedPullRequest#alreadyOpen()}, so creating twice is
   * harmless. A missing branch (400 TF401398, which doesn't say which) is looked up and named.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/git/repositories/{repo}/pullrequests
   */
  public OpenedPullRequest create(
      Organization org, String project, String repository, NewPullRequest input) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sourceRefName", input.sourceBranch());
    body.put("targetRefName", input.targetBranch());
    body.put("title", input.title());
    if (input.description() != null) {
      body.put("description", input.description());
    }
    body.put(
        "reviewers",
        input.reviewers().stream()
            .map(r -> Map.of("id", identities.resolve(org, r, "reviewer")))
            .toList());
    body.put("isDraft", input.draft());
    URI uri = pullRequests(org, project, repository).query("api-version", org.apiVersion()).build();
    try {
      return new OpenedPullRequest(
          http.sendJson(
              "POST", uri, body, "application/json", AccessScope.CODE_WRITE, PullRequest.class),
          false);
    } catch (AzureDevOpsApiException e) {
      if (e.status() == 409 && String.valueOf(e.getMessage()).contains("TF401179")) {
        return existing(org, project, repository, input)
            .map(pr -> new OpenedPullRequest(pr, true))
            .orElseThrow(() -> e);
      }
      if (e.status() == 400 && String.valueOf(e.getMessage()).contains("TF401398")) {
        throw missingBranch(org, project, repository, input, e);
      }
      throw e;
    }
  }

  /**
   * Names the branch that is missing: Azure DevOps' TF401398 only says "the source and/or the
   * target branch".
   */
  private InvalidInputException missingBranch(
      Organization org,
      String project,
      String repository,
      NewPullRequest input,
      AzureDevOpsApiException cause) {
    List<String> missing =
        List.of(input.sourceBranch(), input.targetBranch()).stream()
            .filter(branch -> !branchExists(org, project, repository, branch))
            .toList();
    String where = where(org, project, repository);
    NextStep branches =
        NextStep.of(
            NextStep.Action.LIST_BRANCHES,
            missing.contains(input.sourceBranch())
                ? "Push the source branch first, or name one that exists."
                : "Name a target branch that exists.",
            "organization",
            org.name(),
            "project",
            project,
            "repository",
            repository);
    String message =
        switch (missing.size()) {
          case 2 ->
              "Neither the source branch "
                  + input.sourceBranch()
                  + " nor the target branch "
                  + input.targetBranch()
                  + " exists in "
                  + where
                  + ".";
          case 1 ->
              "The "
                  + (missing.get(0).equals(input.sourceBranch()) ? "source" : "target")
                  + " branch "
                  + missing.get(0)
                  + " does not exist in "
                  + where
                  + ".";
          default ->
              // Both exist now: one was deleted and pushed again in between, or the ref isn't a
              // branch. Say what Azure DevOps said.
              "Azure DevOps could not open a pull request from "
                  + input.sourceBranch()
                  + " into "
                  + input.targetBranch()
                  + " in "
                  + where
                  + ": "
                  + cause.getMessage();
        };
    return new InvalidInputException(message, branches);
  }

  /**
   * Whether {@code refName} ({@code refs/heads/…}) is a branch of the repository.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/refs?filter=heads/… (a
   * prefix filter: the exact name is picked out of what it returns)
   */
  private boolean branchExists(
      Organization org, String project, String repository, String refName) {
    Urls url =
        repositoryUrl(org, project, repository)
            .segment("refs")
            .query("filter", refName.substring("refs/".length()))
            .query("api-version", org.apiVersion());
    return http.getPaged(url, RefName.class, AccessScope.CODE_READ).stream()
        .anyMatch(ref -> refName.equals(ref.name()));
  }

  /** A ref as the refs list gives it; only its name matters here. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record RefName(String name) {}

  private Optional<PullRequest> existing(
      Organization org, String project, String repository, NewPullRequest input) {
    return list(
            org,
            project,
            repository,
            PullRequestCriteria.active().withTargetBranch(input.targetBranch()))
        .stream()
        .filter(pr -> input.sourceBranch().equals(pr.sourceRefName()))
        .findFirst()
        .map(pr -> get(org, project, repository, pr.pullRequestId()));
  }

  /**
   * Changes the title and/or the description (null leaves it as it is).
   *
   * <p>Azure DevOps: PATCH {org}/{project}/_apis/git/repositories/{repo}/pullrequests/{id}
   */
  public PullRequest update(
      Organization org,
      String project,
      String repository,
      int id,
      String title,
      String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (title != null) {
      if (title.isBlank()) {
        throw new InvalidInputException(
            "A pull request title cannot be empty.", "Give a title with words in it.");
      }
      body.put("title", title.strip());
    }
    if (description != null) {
      body.put("description", description);
    }
    return patch(org, project, repository, id, body);
  }

  /**
   * Adds reviewers (ids or emails) with no vote yet, and returns the pull request.
   *
   * <p>Azure DevOps: PUT
   * {org}/{project}/_apis/git/repositories/{repo}/pullrequests/{id}/reviewers/{reviewerId}
   */
  public PullRequest addReviewers(
      Organization org, String project, String repository, int id, List<String> reviewers) {
    for (String reviewer : reviewers) {
      String reviewerId = identities.resolve(org, reviewer, "reviewer");
      URI uri =
          pullRequest(org, project, repository, id)
              .segment("reviewers")
              .segment(reviewerId)
              .query("api-version", org.apiVersion())
              .build();
      named(
          org,
          project,
          repository,
          id,
          () ->
              http.sendJson(
                  "PUT",
                  uri,
                  Map.of("vote", 0),
                  "application/json",
                  AccessScope.CODE_WRITE,
                  PullRequest.Reviewer.class));
    }
    return get(org, project, repository, id);
  }

  /**
   * Completes (merges) the pull request at its current source commit.
   *
   * <p>Azure DevOps: GET, then PATCH
   * {org}/{project}/_apis/git/repositories/{repo}/pullrequests/{id} {@code
   * {"status":"completed","lastMergeSourceCommit":{commitId},"completionOptions":{mergeStrategy,deleteSourceBranch}}}
   */
  public PullRequest complete(
      Organization org,
      String project,
      String repository,
      int id,
      MergeStrategy strategy,
      boolean deleteSourceBranch) {
    PullRequest current = get(org, project, repository, id);
    if (!"active".equals(current.status())) {
      throw new InvalidInputException(
          "Pull request "
              + id
              + " is "
              + current.status()
              + "; only an active one can be completed.",
          "abandoned".equals(current.status())
              ? "Reactivate it in Azure DevOps first, or open a new one."
              : "There is nothing left to merge.");
    }
    String sourceCommit = current.lastMergeSourceCommit().commitId();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "completed");
    body.put("lastMergeSourceCommit", Map.of("commitId", sourceCommit));
    body.put(
        "completionOptions",
        Map.of("mergeStrategy", strategy.wireName(), "deleteSourceBranch", deleteSourceBranch));
    try {
      return patch(org, project, repository, id, body);
    } catch (AzureDevOpsApiException e) {
      if (e.status() != 409 && e.status() != 412) {
        throw e;
      }
      // TF401192: the source branch moved between reading the pull request and completing it.
      String now =
          Optional.ofNullable(get(org, project, repository, id).lastMergeSourceCommit())
              .map(PullRequest.CommitRef::commitId)
              .orElse(null);
      throw new ConflictException(
          e.status(),
          e.typeKey(),
          "Pull request "
              + id
              + " changed while it was being completed: its source branch is now at "
              + (now == null ? "another commit" : now)
              + ", not "
              + sourceCommit
              + ". Nothing was merged.",
          NextStep.of(
              NextStep.Action.REFRESH_AND_RETRY,
              "Look at the new commits, then complete it again.",
              "current",
              now));
    }
  }

  /**
   * Abandons the pull request.
   *
   * <p>Azure DevOps: PATCH {org}/{project}/_apis/git/repositories/{repo}/pullrequests/{id} {@code
   * {"status":"abandoned"}}
   */
  public PullRequest abandon(Organization org, String project, String repository, int id) {
    return patch(org, project, repository, id, Map.of("status", "abandoned"));
  }

  /**
   * The comment threads, Azure DevOps' system threads included.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/pullRequests/{id}/threads
   */
  public List<Thread> threads(Organization org, String project, String repository, int id) {
    URI uri =
        threadsUrl(org, project, repository, id).query("api-version", org.apiVersion()).build();
    return named(
        org, project, repository, id, () -> http.getList(uri, Thread.class, AccessScope.CODE_READ));
  }

  /**
   * Starts a thread with one comment.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/git/repositories/{repo}/pullRequests/{id}/threads
   */
  public Thread createThread(
      Organization org, String project, String repository, int id, String text) {
    Map<String, Object> comment =
        Map.of("parentCommentId", 0, "content", checkText(text), "commentType", "text");
    Map<String, Object> body = Map.of("comments", List.of(comment), "status", "active");
    URI uri =
        threadsUrl(org, project, repository, id).query("api-version", org.apiVersion()).build();
    return named(
        org,
        project,
        repository,
        id,
        () ->
            http.sendJson(
                "POST", uri, body, "application/json", AccessScope.CODE_WRITE, Thread.class));
  }

  /**
   * Replies in a thread, to its first comment.
   *
   * <p>Azure DevOps: POST
   * {org}/{project}/_apis/git/repositories/{repo}/pullRequests/{id}/threads/{threadId}/comments
   */
  public Comment reply(
      Organization org, String project, String repository, int id, int threadId, String text) {
    Map<String, Object> body =
        Map.of("content", checkText(text), "parentCommentId", 1, "commentType", "text");
    URI uri =
        threadsUrl(org, project, repository, id)
            .segment(Integer.toString(threadId))
            .segment("comments")
            .query("api-version", org.apiVersion())
            .build();
    try {
      return http.sendJson(
          "POST", uri, body, "application/json", AccessScope.CODE_WRITE, Comment.class);
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.typeKey(),
          "Pull request "
              + id
              + " in "
              + where(org, project, repository)
              + " has no thread "
              + threadId
              + " (or there is no pull request "
              + id
              + ").",
          NextStep.of(
              NextStep.Action.LIST_THREADS,
              null,
              "organization",
              org.name(),
              "project",
              project,
              "repository",
              repository,
              "pullRequestId",
              Integer.toString(id)));
    }
  }

  /**
   * The statuses posted on the pull request.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/pullRequests/{id}/statuses
   * (Server 2020: api-version 6.0-preview.1)
   */
  public List<PullRequestStatus> statuses(
      Organization org, String project, String repository, int id) {
    URI uri = statusesUrl(org, project, repository, id).build();
    return named(
        org,
        project,
        repository,
        id,
        () -> http.getList(uri, PullRequestStatus.class, AccessScope.CODE_STATUS));
  }

  /**
   * Posts a status on the pull request.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/git/repositories/{repo}/pullRequests/{id}/statuses
   * (Server 2020: api-version 6.0-preview.1)
   */
  public PullRequestStatus postStatus(
      Organization org, String project, String repository, int id, PullRequestStatusInput status) {
    URI uri = statusesUrl(org, project, repository, id).build();
    return named(
        org,
        project,
        repository,
        id,
        () ->
            http.sendJson(
                "POST",
                uri,
                status,
                "application/json",
                AccessScope.CODE_STATUS,
                PullRequestStatus.class));
  }

  private PullRequest patch(
      Organization org, String project, String repository, int id, Map<String, Object> body) {
    URI uri =
        pullRequest(org, project, repository, id).query("api-version", org.apiVersion()).build();
    return named(
        org,
        project,
        repository,
        id,
        () ->
            http.sendJson(
                "PATCH", uri, body, "application/json", AccessScope.CODE_WRITE, PullRequest.class));
  }

  /**
   * Runs {@code call}; a 404 becomes one that names the pull request and where it was looked for.
   */
  static <T> T named(
      Organization org, String project, String repository, int id, Supplier<T> call) {
    try {
      return call.get();
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.typeKey(),
          "Pull request " + id + " was not found in " + where(org, project, repository) + ".",
          NextStep.of(
              NextStep.Action.LIST_PULL_REQUESTS,
              "Check the organization, project and repository.",
              "organization",
              org.name(),
              "project",
              project,
              "repository",
              repository));
    }
  }

  private static String where(Organization org, String project, String repository) {
    return org.name() + "/" + project + "/" + repository;
  }

  private static String checkText(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("A comment cannot be empty.", "Give the comment's text.");
    }
    return text;
  }

  private static Urls repositoryUrl(Organization org, String project, String repository) {
    return Urls.at(org.baseUrl())
        .segment(project)
        .path("_apis/git/repositories")
        .segment(repository);
  }

  private static Urls pullRequests(Organization org, String project, String repository) {
    return repositoryUrl(org, project, repository).path("pullrequests");
  }

  private static Urls pullRequest(Organization org, String project, String repository, int id) {
    return pullRequests(org, project, repository).segment(Integer.toString(id));
  }

  private static Urls threadsUrl(Organization org, String project, String repository, int id) {
    return pullRequest(org, project, repository, id).path("threads");
  }

  private static Urls statusesUrl(Organization org, String project, String repository, int id) {
    // Server 2020 serves PR statuses only as a preview (azure-devops-rest.md §2).
    return pullRequest(org, project, repository, id)
        .path("statuses")
        .query("api-version", org.apiVersion().orPreviewBefore(ApiVersion.V7_0, 1));
  }
}
