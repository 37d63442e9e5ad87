package io.adoconnect.server.sources;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.RepositoryRef;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.RequestCore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Sources: {@code GET /api/sources}, {@code POST /api/sources} {@code {organization, project,
 * repository, account?}} (checked against Azure DevOps: it must exist and be cloneable) and {@code
 * DELETE /api/sources/{id}}.
 */
public final class SourcesController {
  private final RequestCore ado;

  public SourcesController(RequestCore ado) {
    this.ado = ado;
  }

  /** The body of {@code POST /api/sources}. */
  public record NewSource(String organization, String project, String repository, String account) {}

  public void routes(RoutesConfig routes) {
    routes.get("/api/sources", ctx -> ctx.json(ado.of(ctx).sources()));
    routes.post("/api/sources", this::add);
    routes.delete("/api/sources/{id}", this::remove);
  }

  private void add(Context ctx) {
    NewSource body = JsonBodies.read(ctx, NewSource.class);
    String organization = JsonBodies.requiredName(body.organization(), "organization");
    String project = JsonBodies.requiredName(body.project(), "project");
    String repository = JsonBodies.requiredName(body.repository(), "repository");
    AdoConnect.AddedSource added =
        ado.of(ctx).addSource(new RepositoryRef(organization, project, repository, body.account()));
    // 201 for a new source, 200 for one it already was: a retried POST is not a second source.
    ctx.status(added.created() ? 201 : 200)
        .header("Location", "/api/sources/" + added.source().id())
        .json(added.source());
  }

  private void remove(Context ctx) {
    ado.of(ctx).removeSource(ctx.pathParam("id"));
    ctx.status(204);
  }
}
