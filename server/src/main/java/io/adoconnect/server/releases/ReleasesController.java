package io.adoconnect.server.releases;

import io.adoconnect.releases.ProjectReleases;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.PathParams;
import io.adoconnect.server.RepositoryPath;
import io.adoconnect.server.RequestCore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Classic releases of a project:
 *
 * <ul>
 *   <li>{@code GET /api/projects/{organization}/{project}/releases/definitions};
 *   <li>{@code GET /api/projects/{organization}/{project}/releases?definition=&top=} — newest
 *       first;
 *   <li>{@code POST /api/projects/{organization}/{project}/releases} {@code {definition,
 *       description?}} — {@code definition} is an id or an exact name;
 *   <li>{@code GET /api/projects/{organization}/{project}/releases/{id}} — with each stage's
 *       status.
 * </ul>
 *
 * Every route takes {@code ?account=} to pick the account when more than one reaches the
 * organization.
 */
public final class ReleasesController {
  private static final String BASE = RepositoryPath.PROJECT_PREFIX + "/releases";

  private final RequestCore ado;

  public ReleasesController(RequestCore ado) {
    this.ado = ado;
  }

  /** The body of a release creation. */
  public record NewReleaseBody(String definition, String description) {}

  public void routes(RoutesConfig routes) {
    routes.get(BASE + "/definitions", ctx -> ctx.json(releases(ctx).definitions()));
    routes.get(BASE, this::list);
    routes.post(BASE, this::create);
    routes.get(BASE + "/{id}", ctx -> ctx.json(releases(ctx).get(PathParams.id(ctx, "id"))));
  }

  private ProjectReleases releases(Context ctx) {
    return ado.of(ctx).project(RepositoryPath.project(ctx)).releases();
  }

  private void list(Context ctx) {
    Integer top = PathParams.number(ctx.queryParam("top"), "top").orElse(null);
    ctx.json(releases(ctx).list(ctx.queryParam("definition"), top));
  }

  private void create(Context ctx) {
    NewReleaseBody body = JsonBodies.read(ctx, NewReleaseBody.class);
    String definition = JsonBodies.required(body.definition(), "definition");
    ctx.status(201).json(releases(ctx).create(definition, body.description()));
  }
}
