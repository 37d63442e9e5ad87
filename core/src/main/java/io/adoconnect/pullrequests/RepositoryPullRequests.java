package io.adoconnect.pullrequests;

import io.adoconnect.InvalidInputException;
import io.adoconnect.devops.RepositoryScope;
import io.adoconnect.http.AccessScope;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pull requests of one resolved repository, with their threads, reviewers and statuses. Reached
 * through {@code ado.repository(ref).pullRequests()}; what every front-end needs beyond the REST
 * calls (people by email or id, limits, the moves a change may make, a comment as a new thread or a
 * reply) is done here once.
 *
 * <pre>{@code
 * RepositoryPullRequests prs = ado.repository(ref).pullRequests();
 * OpenedPullRequest opened = prs.create(
 *     new NewPullRequest("feature/search", "main", "Search").withReviewers(List.of("alex@fabrikam.com")));
 * prs.complete(opened.pullRequest().pullRequestId(), MergeStrategy.SQUASH, true);
 * }</pre>
 */
public final class RepositoryPullRequests {
  private final RepositoryScope scope;
  private final PullRequestsClient client;
  private final PullRequestDiffs diffs;

  public RepositoryPullRequests(RepositoryScope scope) {
    this(scope, 1);
  }

  /** {@code parallelism}: how many files a diff reads at once (the settings' parallelism). */
  public RepositoryPullRequests(RepositoryScope scope, int parallelism) {
    this.scope = scope;
    this.client = new PullRequestsClient(scope.http());
    this.diffs = new PullRequestDiffs(scope, parallelism);
  }

  /**
   * The files the pull request changes (path, original path for a rename, change type), without
   * their contents, as of its latest iteration.
   *
   * <p>Azure DevOps: GET …/pullRequests/{id}/iterations, then GET
   * …/iterations/{latest}/changes?$compareTo=0 (page by page)
   */
  public List<FileDiff> changedFiles(int id) {
    scope.http().require(AccessScope.CODE_READ);
    return diffs.files(checked(id));
  }

  /**
   * The pull request's unified diff against the merge base, file by file, within {@code limits};
   * {@code paths} (from the repository root, e.g. {@code /src/app.js}) picks files, all when empty.
   * Azure DevOps has no diff API: each file's content is read at both commits.
   *
   * <p>Azure DevOps: the calls of {@link #changedFiles}, then GET …/items?path=…
   * &versionDescriptor.versionType=commit twice per file
   */
  public PullRequestDiff diff(int id, Set<String> paths, DiffLimits limits) {
    scope.http().require(AccessScope.CODE_READ);
    Set<String> wanted = new java.util.HashSet<>();
    paths.forEach(p -> wanted.add(PullRequestDiffs.normalized(p)));
    return diffs.diff(checked(id), wanted, limits);
  }

  /**
   * The pull requests matching {@code criteria}, newest first, at most {@code criteria.top()} (all
   * when null); creator and reviewer by email or id.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/pullrequests
   * ?searchCriteria.…&$top=…&$skip=… (as many pages as needed)
   */
  public List<PullRequest> list(PullRequestCriteria criteria) {
    scope.http().require(AccessScope.CODE_READ);
    return client.list(scope.org(), scope.project(), scope.repository(), criteria).stream()
        .limit(criteria.top() == null ? Long.MAX_VALUE : criteria.top())
        .toList();
  }

  /**
   * One pull request, with its full description.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/pullrequests/{id}
   */
  public PullRequest get(int id) {
    scope.http().require(AccessScope.CODE_READ);
    return client.get(scope.org(), scope.project(), scope.repository(), checked(id));
  }

  /**
   * Opens a pull request, reviewers by email or id. When one is already open for the same branches
   * it is returned as it is, {@link OpenedPullRequest#alreadyOpen()} saying so; a missing branch is
   * named.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/git/repositories/{repo}/pullrequests
   */
  public OpenedPullRequest create(NewPullRequest input) {
    scope.http().require(AccessScope.CODE_WRITE);
    return client.create(scope.org(), scope.project(), scope.repository(), input);
  }

  /**
   * Applies {@code change}: title and description, then the added reviewers, then the move to
   * completed or abandoned; returns the pull request as it ends up.
   *
   * <p>Azure DevOps: PATCH …/pullrequests/{id}, PUT …/pullrequests/{id}/reviewers/{reviewerId}
   */
  public PullRequest update(int id, PullRequestUpdate change) {
    scope.http().require(AccessScope.CODE_WRITE);
    checked(id);
    if (change.isEmpty()) {
      throw new InvalidInputException(
          "Nothing to change.",
          "Give a new title, a new description or reviewers to add, or complete or abandon it.");
    }
    PullRequest pr = null;
    if (change.edits()) {
      pr =
          client.update(
              scope.org(),
              scope.project(),
              scope.repository(),
              id,
              change.title(),
              change.description());
    }
    if (!change.addReviewers().isEmpty()) {
      pr =
          client.addReviewers(
              scope.org(), scope.project(), scope.repository(), id, change.addReviewers());
    }
    if ("completed".equals(change.status())) {
      pr = complete(id, change.mergeStrategy(), change.deleteSourceBranch());
    } else if ("abandoned".equals(change.status())) {
      pr = abandon(id);
    }
    return pr;
  }

  /**
   * Completes (merges) the pull request at the source commit it has now; if the source branch moves
   * meanwhile, a {@link io.adoconnect.ConflictException} names its new commit.
   *
   * <p>Azure DevOps: GET, then PATCH …/pullrequests/{id} {@code {"status":"completed",…}}
   */
  public PullRequest complete(int id, MergeStrategy strategy, boolean deleteSourceBranch) {
    scope.http().require(AccessScope.CODE_WRITE);
    return client.complete(
        scope.org(),
        scope.project(),
        scope.repository(),
        checked(id),
        strategy == null ? MergeStrategy.NO_FAST_FORWARD : strategy,
        deleteSourceBranch);
  }

  /**
   * Abandons the pull request.
   *
   * <p>Azure DevOps: PATCH …/pullrequests/{id} {@code {"status":"abandoned"}}
   */
  public PullRequest abandon(int id) {
    scope.http().require(AccessScope.CODE_WRITE);
    return client.abandon(scope.org(), scope.project(), scope.repository(), checked(id));
  }

  /**
   * The comment threads, Azure DevOps' own included.
   *
   * <p>Azure DevOps: GET …/pullRequests/{id}/threads
   */
  public List<Thread> threads(int id) {
    scope.http().require(AccessScope.CODE_READ);
    return client.threads(scope.org(), scope.project(), scope.repository(), checked(id));
  }

  /**
   * Comments on the pull request: a new thread, or a reply in {@code thread} when given.
   *
   * <p>Azure DevOps: POST …/pullRequests/{id}/threads, or POST
   * …/pullRequests/{id}/threads/{threadId}/comments
   */
  public PostedComment comment(int id, String text, Optional<Integer> thread) {
    scope.http().require(AccessScope.CODE_WRITE);
    checked(id);
    if (thread.isPresent()) {
      int threadId = thread.get();
      if (threadId < 1) {
        throw new InvalidInputException(
            "Thread ids are positive numbers; " + threadId + " is not one.",
            "Reply in a thread the pull request has, or leave the thread out to start one.");
      }
      Comment reply =
          client.reply(scope.org(), scope.project(), scope.repository(), id, threadId, text);
      return new PostedComment(id, threadId, reply, null);
    }
    Thread started =
        client.createThread(scope.org(), scope.project(), scope.repository(), id, text);
    Comment first = started.comments().isEmpty() ? null : started.comments().get(0);
    return new PostedComment(id, started.id(), first, started);
  }

  /**
   * The statuses posted on the pull request.
   *
   * <p>Azure DevOps: GET …/pullRequests/{id}/statuses
   */
  public List<PullRequestStatus> statuses(int id) {
    scope.http().require(AccessScope.CODE_STATUS);
    return client.statuses(scope.org(), scope.project(), scope.repository(), checked(id));
  }

  /**
   * Posts a status on the pull request.
   *
   * <p>Azure DevOps: POST …/pullRequests/{id}/statuses
   */
  public PullRequestStatus postStatus(int id, PullRequestStatusInput status) {
    scope.http().require(AccessScope.CODE_STATUS);
    return client.postStatus(scope.org(), scope.project(), scope.repository(), checked(id), status);
  }

  private static int checked(int id) {
    if (id < 1) {
      throw new InvalidInputException(
          "Pull request ids are positive numbers; " + id + " is not one.",
          "Give the number Azure DevOps shows for the pull request, e.g. 42.");
    }
    return id;
  }
}
