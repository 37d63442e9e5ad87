package io.adoconnect.server.pullrequests;

import io.adoconnect.InvalidInputException;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.Target;
import io.adoconnect.pullrequests.MergeStrategy;
import io.adoconnect.pullrequests.NewPullRequest;
import io.adoconnect.pullrequests.PullRequest;
import io.adoconnect.pullrequests.PullRequestCriteria;
import io.adoconnect.pullrequests.PullRequestStatusInput;
import io.adoconnect.pullrequests.PullRequestsClient;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.RepositoryPath;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.server.git.GitController.NewStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * Pull requests of a repository, under {@link RepositoryPath#PREFIX}{@code /pullrequests}: list
 * ({@code ?status=&creator=&reviewer=&target=&top=}), create, get, update ({@code PATCH}: title,
 * description, addReviewers, {@code status} completed (with {@code mergeStrategy}, {@code
 * deleteSourceBranch}) or abandoned), threads list/create/reply, statuses list/post.
 */
public final class PullRequestsController {
  private static final int MAX_TOP = 1000;

  private final AdoConnect ado;

  public PullRequestsController(AdoConnect ado) {
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
    routes.get(
        pr,
        ctx -> ctx.json(act(ctx, (c, t, id) -> c.get(t.org(), t.project(), t.repository(), id))));
    routes.patch(pr, this::update);
    routes.get(
        pr + "/threads",
        ctx ->
            ctx.json(act(ctx, (c, t, id) -> c.threads(t.org(), t.project(), t.repository(), id))));
    routes.post(pr + "/threads", this::createThread);
    routes.post(pr + "/threads/{threadId}/comments", this::reply);
    routes.get(
        pr + "/statuses",
        ctx ->
            ctx.json(act(ctx, (c, t, id) -> c.statuses(t.org(), t.project(), t.repository(), id))));
    routes.post(pr + "/statuses", this::postStatus);
  }

  /** One action on one pull request. */
  @FunctionalInterface
  private interface Action<T> {
    T run(PullRequestsClient client, Target target, int id);
  }

  private <T> T act(Context ctx, Action<T> action) {
    int id = RepositoryPath.number(ctx, "pullRequestId");
    Target t = ado.repository(RepositoryPath.of(ctx).path());
    return action.run(new PullRequestsClient(t.http()), t, id);
  }

  private void list(Context ctx) {
    Integer top = null;
    if (ctx.queryParam("top") != null) {
      try {
        top = Integer.parseInt(ctx.queryParam("top"));
      } catch (NumberFormatException e) {
        top = -1;
      }
      if (top < 1 || top > MAX_TOP) {
        throw ApiException.badRequest(
            "invalid_input", "'top' must be between 1 and " + MAX_TOP + ".", null);
      }
    }
    PullRequestCriteria criteria =
        new PullRequestCriteria(
            ctx.queryParam("status"),
            blankToNull(ctx.queryParam("creator")),
            blankToNull(ctx.queryParam("reviewer")),
            blankToNull(ctx.queryParam("target")));
    Target t = ado.repository(RepositoryPath.of(ctx).path());
    List<PullRequest> found =
        new PullRequestsClient(t.http())
            .list(t.org(), t.project(), t.repository(), criteria).stream()
                .limit(top == null ? MAX_TOP : top)
                .toList();
    ctx.json(found);
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
    Target t = ado.repository(RepositoryPath.of(ctx).path());
    PullRequest created =
        new PullRequestsClient(t.http()).create(t.org(), t.project(), t.repository(), input);
    ctx.status(201).json(created);
  }

  private void update(Context ctx) {
    PullRequestChange body = JsonBodies.read(ctx, PullRequestChange.class);
    boolean edits =
        body.title() != null
            || body.description() != null
            || (body.addReviewers() != null && !body.addReviewers().isEmpty());
    String status = body.status() == null ? null : body.status().toLowerCase(Locale.ROOT);
    if (status != null && !List.of("completed", "abandoned").contains(status)) {
      throw new InvalidInputException(
          io.adoconnect.http.Names.shown(body.status(), "status")
              + " is not a status a pull request can be moved to.",
          "Send status completed (with mergeStrategy) or abandoned.");
    }
    if (!edits && status == null) {
      throw new InvalidInputException(
          "Nothing to change.",
          "Send title, description, addReviewers or status (completed or abandoned).");
    }
    MergeStrategy strategy =
        body.mergeStrategy() == null
            ? MergeStrategy.NO_FAST_FORWARD
            : MergeStrategy.parse(body.mergeStrategy());
    PullRequest result =
        act(
            ctx,
            (c, t, id) -> {
              PullRequest pr = null;
              if (body.title() != null || body.description() != null) {
                pr =
                    c.update(
                        t.org(), t.project(), t.repository(), id, body.title(), body.description());
              }
              if (body.addReviewers() != null && !body.addReviewers().isEmpty()) {
                pr = c.addReviewers(t.org(), t.project(), t.repository(), id, body.addReviewers());
              }
              if ("completed".equals(status)) {
                pr =
                    c.complete(
                        t.org(),
                        t.project(),
                        t.repository(),
                        id,
                        strategy,
                        Boolean.TRUE.equals(body.deleteSourceBranch()));
              } else if ("abandoned".equals(status)) {
                pr = c.abandon(t.org(), t.project(), t.repository(), id);
              }
              return pr;
            });
    ctx.json(result);
  }

  private void createThread(Context ctx) {
    CommentBody body = JsonBodies.read(ctx, CommentBody.class);
    String text = JsonBodies.required(body.text(), "text");
    ctx.status(201)
        .json(
            act(ctx, (c, t, id) -> c.createThread(t.org(), t.project(), t.repository(), id, text)));
  }

  private void reply(Context ctx) {
    CommentBody body = JsonBodies.read(ctx, CommentBody.class);
    String text = JsonBodies.required(body.text(), "text");
    int threadId = RepositoryPath.number(ctx, "threadId");
    ctx.status(201)
        .json(
            act(
                ctx,
                (c, t, id) -> c.reply(t.org(), t.project(), t.repository(), id, threadId, text)));
  }

  private void postStatus(Context ctx) {
    NewStatus body = JsonBodies.read(ctx, NewStatus.class);
    PullRequestStatusInput input =
        PullRequestStatusInput.of(
            body.state(), body.context(), body.genre(), body.description(), body.targetUrl());
    ctx.status(201)
        .json(
            act(ctx, (c, t, id) -> c.postStatus(t.org(), t.project(), t.repository(), id, input)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
