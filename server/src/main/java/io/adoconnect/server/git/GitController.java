package io.adoconnect.server.git;

import io.adoconnect.git.ItemDepth;
import io.adoconnect.git.StatusInput;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.RepositoryPath;
import io.adoconnect.server.RequestCore;
import io.adoconnect.server.errors.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Inside a repository ({@link RepositoryPath#PREFIX}): {@code GET …/branches}, {@code GET
 * …/files?path=&ref=} (the raw bytes), {@code GET …/folder?path=&ref=&recursive=} (a folder's
 * listing) and {@code GET|POST …/commits/{commitId}/statuses}.
 */
public final class GitController {
  private final RequestCore ado;

  public GitController(RequestCore ado) {
    this.ado = ado;
  }

  /** The body of {@code POST …/commits/{commitId}/statuses} (and of PR statuses). */
  public record NewStatus(
      String state, String context, String genre, String description, String targetUrl) {}

  public void routes(RoutesConfig routes) {
    String base = RepositoryPath.PREFIX;
    routes.get(
        base + "/branches",
        ctx -> ctx.json(ado.of(ctx).repository(RepositoryPath.of(ctx)).git().branches().toList()));
    routes.get(base + "/files", this::file);
    routes.get(base + "/folder", this::folder);
    routes.get(
        base + "/commits/{commitId}/statuses",
        ctx ->
            ctx.json(
                ado.of(ctx)
                    .repository(RepositoryPath.of(ctx))
                    .git()
                    .statuses(ctx.pathParam("commitId"))));
    routes.post(base + "/commits/{commitId}/statuses", this::postStatus);
  }

  private void file(Context ctx) {
    String path = ctx.queryParam("path");
    if (path == null || path.isBlank()) {
      throw ApiException.badRequest(
          "invalid_input",
          "The query parameter 'path' is required.",
          "Give the file's path from the repository root, e.g. ?path=README.md.");
    }
    Optional<String> ref = Optional.ofNullable(ctx.queryParam("ref")).filter(r -> !r.isBlank());
    byte[] content = ado.of(ctx).repository(RepositoryPath.of(ctx)).git().fileContent(path, ref);
    ctx.contentType("application/octet-stream").result(content);
  }

  private void folder(Context ctx) {
    Optional<String> ref = Optional.ofNullable(ctx.queryParam("ref")).filter(r -> !r.isBlank());
    String recursive = Optional.ofNullable(ctx.queryParam("recursive")).orElse("false");
    if (!recursive.equals("true") && !recursive.equals("false")) {
      throw ApiException.badRequest(
          "invalid_input",
          "The query parameter 'recursive' must be true or false.",
          "Leave it out to list what is directly in the folder, or give recursive=true.");
    }
    ctx.json(
        ado.of(ctx)
            .repository(RepositoryPath.of(ctx))
            .git()
            .list(
                ctx.queryParam("path"),
                ref,
                recursive.equals("true") ? ItemDepth.FULL : ItemDepth.ONE_LEVEL));
  }

  private void postStatus(Context ctx) {
    NewStatus body = JsonBodies.read(ctx, NewStatus.class);
    StatusInput input =
        StatusInput.of(
            body.state(), body.context(), body.genre(), body.description(), body.targetUrl());
    ctx.status(201)
        .json(
            ado.of(ctx)
                .repository(RepositoryPath.of(ctx))
                .git()
                .postStatus(ctx.pathParam("commitId"), input));
  }
}
