package io.adoconnect.server.releases;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.Target;
import io.adoconnect.releases.NewRelease;
import io.adoconnect.releases.ReleaseDefinition;
import io.adoconnect.releases.ReleasesClient;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.PathParams;
import io.adoconnect.server.errors.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

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
 */
public final class ReleasesController {
  private static final String BASE = "/api/projects/{organization}/{project}/releases";
  private static final int DEFAULT_TOP = 50;
  private static final int MAX_TOP = 1000;

  private final AdoConnect ado;

  public ReleasesController(AdoConnect ado) {
    this.ado = ado;
  }

  /** The body of a release creation. */
  public record NewReleaseBody(String definition, String description) {}

  public void routes(RoutesConfig routes) {
    routes.get(BASE + "/definitions", this::definitions);
    routes.get(BASE, this::list);
    routes.post(BASE, this::create);
    routes.get(BASE + "/{id}", this::get);
  }

  private Target target(Context ctx) {
    return ado.project(
        PathParams.name(ctx, "organization") + "/" + PathParams.name(ctx, "project"));
  }

  private ReleasesClient client(Target target) {
    return new ReleasesClient(target.http(), ado.endpoints());
  }

  private void definitions(Context ctx) {
    Target t = target(ctx);
    ctx.json(client(t).definitions(t.org(), t.project()).toList());
  }

  private void list(Context ctx) {
    int top = PathParams.number(ctx.queryParam("top"), "top").orElse(DEFAULT_TOP);
    if (top <= 0 || top > MAX_TOP) {
      throw ApiException.badRequest(
          "invalid_input", "'top' must be between 1 and " + MAX_TOP + ".", null);
    }
    Optional<String> definition =
        Optional.ofNullable(ctx.queryParam("definition")).filter(d -> !d.isBlank());
    Target t = target(ctx);
    ReleasesClient releases = client(t);
    Optional<Integer> definitionId =
        definition.map(d -> releases.definition(t.org(), t.project(), d).id());
    ctx.json(
        releases.list(t.org(), t.project(), definitionId, Math.min(top, 100)).stream()
            .limit(top)
            .toList());
  }

  private void create(Context ctx) {
    NewReleaseBody body = JsonBodies.read(ctx, NewReleaseBody.class);
    String definition = JsonBodies.required(body.definition(), "definition");
    Target t = target(ctx);
    ReleasesClient releases = client(t);
    ReleaseDefinition found = releases.definition(t.org(), t.project(), definition);
    ctx.status(201)
        .json(releases.create(t.org(), t.project(), NewRelease.of(found.id(), body.description())));
  }

  private void get(Context ctx) {
    int id = PathParams.id(ctx, "id");
    Target t = target(ctx);
    ctx.json(client(t).get(t.org(), t.project(), id));
  }
}
