package io.adoconnect.pullrequests;

import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Page;
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
 * <pre>{@code
 * PullRequestsClient prs = new PullRequestsClient(target.http());
 * PullRequest pr = prs.create(org, "Fabrikam", "web-app",
 *     new NewPullRequest("feature/search", "main", "Search").withReviewers(List.of("alex@fabrikam.com")));
 * prs.complete(org, "Fabrikam", "web-app", pr.pullRequestId(), MergeStrategy.SQUASH, true);
 * }</pre>
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
    return new Paged<>(
        token -> {
          int skip = token.map(Integer::parseInt).orElse(0);
          URI uri = url.copy().query("$top", PAGE_SIZE).query("$skip", skip).build();
          List<PullRequest> items = http.getList(uri, PullRequest.class, AccessScope.CODE_READ);
          return new Page<>(
              items,
              items.size() < PAGE_SIZE
                  ? Optional.empty()
                  : Optional.of(Integer.toString(skip + PAGE_SIZE)));
        });
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
   * that one instead, so creating twice is harmless.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/git/repositories/{repo}/pullrequests
   */
  public PullRequest create(
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
      return http.sendJson(
          "POST", uri, body, "application/json", AccessScope.CODE_WRITE, PullRequest.class);
    } catch (AzureDevOpsApiException e) {
      if (e.status() == 409 && String.valueOf(e.getMessage()).contains("TF401179")) {
        return existing(org, project, repository, input).orElseThrow(() -> e);
      }
      if (e.status() == 400 && String.valueOf(e.getMessage()).contains("TF401398")) {
        throw new InvalidInputException(
            "The branch "
                + input.sourceBranch()
                + " or "
                + input.targetBranch()
                + " does not exist in "
                + project
                + "/"
                + repository
                + ".",
            "Push the source branch first; ado-connect branches lists the branches.");
      }
      throw e;
    }
  }

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
          "ado-connect prs get shows its state.");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "completed");
    body.put(
        "lastMergeSourceCommit", Map.of("commitId", current.lastMergeSourceCommit().commitId()));
    body.put(
        "completionOptions",
        Map.of("mergeStrategy", strategy.wireName(), "deleteSourceBranch", deleteSourceBranch));
    return patch(org, project, repository, id, body);
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
              + ".",
          "ado-connect prs threads lists the threads and their ids.");
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
  private static <T> T named(
      Organization org, String project, String repository, int id, Supplier<T> call) {
    try {
      return call.get();
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.typeKey(),
          "Pull request " + id + " was not found in " + where(org, project, repository) + ".",
          "Check the organization, project and repository; ado-connect prs list "
              + where(org, project, repository)
              + " --status all lists its pull requests.");
    }
  }

  private static String where(Organization org, String project, String repository) {
    return org.name() + "/" + project + "/" + repository;
  }

  private static String checkText(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("A comment cannot be empty.", "Give the text with --text.");
    }
    return text;
  }

  private static Urls pullRequests(Organization org, String project, String repository) {
    return Urls.at(org.baseUrl())
        .segment(project)
        .path("_apis/git/repositories")
        .segment(repository)
        .path("pullrequests");
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
