package io.adoconnect.server.pullrequests;

import io.adoconnect.pullrequests.DiffLimits;
import io.adoconnect.pullrequests.MergeStrategy;
import io.adoconnect.pullrequests.NewPullRequest;
import io.adoconnect.pullrequests.OpenedPullRequest;
import io.adoconnect.pullrequests.PullRequestCriteria;
import io.adoconnect.pullrequests.PullRequestStatusInput;
import io.adoconnect.pullrequests.PullRequestUpdate;
import io.adoconnect.pullrequests.RepositoryPullRequests;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.PathParams;
import io.adoconnect.server.RepositoryPath;
import io.adoconnect.server.RequestCore;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.server.git.GitController.NewStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pull requests of a repository, under {@link RepositoryPath#PREFIX}{@code /pullrequests}: list
 * ({@code ?status=&creator=&reviewer=&target=&top=}), create (201, or 200 with the pull request
 * already open for the same branches), get, update ({@code PATCH}: title, description,
 * addReviewers, {@code status} completed (with {@code mergeStrategy}, {@code deleteSourceBranch})
 * or abandoned), threads list/create/reply, statuses list/post, the changed files ({@code GET
 * …/changes}) and the unified diff against the merge base ({@code GET
 * …/diff?path=&path=&maxFiles=}, each file's patch or a note saying why it is left out). Every
 * route takes {@code ?account=}.
 */
public final class PullRequestsController {
  private final RequestCore ado;

  public PullRequestsController(RequestCore ado) {
    this.ado = ado;
  }

  /** The body of {@code POST …/pullrequests}. */
  public record NewPullRequestBody(
      String source,
      String target,
      String title,
      String description,
      List<String> reviewers,
      Boolean draft) {}

  /** The body of {@code PATCH …/pullrequests/{id}}: only what is given changes. */
  public record PullRequestChange(
      String title,
      String description,
      List<String> addReviewers,
      String status,
      String mergeStrategy,
      Boolean deleteSourceBranch) {}

  /** The body of a new thread or a reply. */
  public record CommentBody(String text) {}

  public void routes(RoutesConfig routes) {
    String prs = RepositoryPath.PREFIX + "/pullrequests";
    String pr = prs + "/{pullRequestId}";
    routes.get(prs, this::list);
    routes.post(prs, this::create);
    routes.get(pr, ctx -> ctx.json(prs(ctx).get(id(ctx))));
    routes.patch(pr, this::update);
    routes.get(pr + "/threads", ctx -> ctx.json(prs(ctx).threads(id(ctx))));
    routes.post(pr + "/threads", this::createThread);
    routes.post(pr + "/threads/{threadId}/comments", this::reply);
    routes.get(pr + "/statuses", ctx -> ctx.json(prs(ctx).statuses(id(ctx))));
    routes.get(pr + "/changes", ctx -> ctx.json(prs(ctx).changedFiles(id(ctx))));
    routes.get(pr + "/diff", this::diff);
    routes.post(pr + "/statuses", this::postStatus);
  }

  private RepositoryPullRequests prs(Context ctx) {
    return ado.of(ctx).repository(RepositoryPath.of(ctx)).pullRequests();
  }

  private static int id(Context ctx) {
    return RepositoryPath.number(ctx, "pullRequestId");
  }

  private void list(Context ctx) {
    PullRequestCriteria criteria =
        new PullRequestCriteria(
            ctx.queryParam("status"),
            blankToNull(ctx.queryParam("creator")),
            blankToNull(ctx.queryParam("reviewer")),
            blankToNull(ctx.queryParam("target")),
            top(ctx.queryParam("top")));
    ctx.json(prs(ctx).list(criteria));
  }

  /** {@code ?top=}: at most that many; without it, {@link PullRequestCriteria#MAX_TOP}. */
  private static int top(String text) {
    if (text == null) {
      return PullRequestCriteria.MAX_TOP;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "invalid_input",
          "'top' must be a number.",
          "Ask for 1 to " + PullRequestCriteria.MAX_TOP + " pull requests.");
    }
  }

  private void diff(Context ctx) {
    int maxFiles =
        PathParams.number(ctx.queryParam("maxFiles"), "maxFiles")
            .orElse(DiffLimits.DEFAULT.maxFiles());
    DiffLimits limits =
        new DiffLimits(
            maxFiles, DiffLimits.DEFAULT.maxFileBytes(), DiffLimits.DEFAULT.maxPatchLines());
    ctx.json(prs(ctx).diff(id(ctx), Set.copyOf(ctx.queryParams("path")), limits));
  }

  private void create(Context ctx) {
    NewPullRequestBody body = JsonBodies.read(ctx, NewPullRequestBody.class);
    NewPullRequest input =
        new NewPullRequest(
                JsonBodies.required(body.source(), "source"),
                JsonBodies.required(body.target(), "target"),
                JsonBodies.required(body.title(), "title"))
            .withDescription(body.description())
            .withReviewers(body.reviewers() == null ? List.of() : body.reviewers())
            .withDraft(Boolean.TRUE.equals(body.draft()));
    OpenedPullRequest opened = prs(ctx).create(input);
    // 200, not 201: nothing was created, the one already open for these branches is returned.
    ctx.status(opened.alreadyOpen() ? 200 : 201).json(opened.pullRequest());
  }

  private void update(Context ctx) {
    PullRequestChange body = JsonBodies.read(ctx, PullRequestChange.class);
    PullRequestUpdate change =
        PullRequestUpdate.none()
            .withTitle(body.title())
            .withDescription(body.description())
            .withAddedReviewers(body.addReviewers())
            .withStatus(body.status())
            .withCompletion(
                body.mergeStrategy() == null ? null : MergeStrategy.parse(body.mergeStrategy()),
                Boolean.TRUE.equals(body.deleteSourceBranch()));
    ctx.json(prs(ctx).update(id(ctx), change));
  }

  private void createThread(Context ctx) {
    CommentBody body = JsonBodies.read(ctx, CommentBody.class);
    String text = JsonBodies.required(body.text(), "text");
    ctx.status(201).json(prs(ctx).comment(id(ctx), text, Optional.empty()).thread());
  }

  private void reply(Context ctx) {
    CommentBody body = JsonBodies.read(ctx, CommentBody.class);
    String text = JsonBodies.required(body.text(), "text");
    int threadId = RepositoryPath.number(ctx, "threadId");
    ctx.status(201).json(prs(ctx).comment(id(ctx), text, Optional.of(threadId)).comment());
  }

  private void postStatus(Context ctx) {
    NewStatus body = JsonBodies.read(ctx, NewStatus.class);
    PullRequestStatusInput input =
        PullRequestStatusInput.of(
            body.state(), body.context(), body.genre(), body.description(), body.targetUrl());
    ctx.status(201).json(prs(ctx).postStatus(id(ctx), input));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
