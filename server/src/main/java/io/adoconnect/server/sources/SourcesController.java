package io.adoconnect.server.sources;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.SourceView;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.errors.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Sources: {@code GET /api/sources}, {@code POST /api/sources} {@code {organization, project,
 * repository, account?}} (checked against Azure DevOps: it must exist and be cloneable) and {@code
 * DELETE /api/sources/{id}}.
 */
public final class SourcesController {
  private final AdoConnect ado;

  public SourcesController(AdoConnect ado) {
    this.ado = ado;
  }

  /** The body of {@code POST /api/sources}. */
  public record NewSource(String organization, String project, String repository, String account) {}

  public void routes(RoutesConfig routes) {
    routes.get("/api/sources", ctx -> ctx.json(ado.sources()));
    routes.post("/api/sources", this::add);
    routes.delete("/api/sources/{id}", this::remove);
  }

  private void add(Context ctx) {
    NewSource body = JsonBodies.read(ctx, NewSource.class);
    String organization = JsonBodies.requiredName(body.organization(), "organization");
    String project = JsonBodies.requiredName(body.project(), "project");
    String repository = JsonBodies.requiredName(body.repository(), "repository");
    Optional<String> account = Optional.ofNullable(body.account()).filter(a -> !a.isBlank());
    if (account.isPresent()
        && ado.accounts().stream().noneMatch(a -> a.id().equals(account.get()))) {
      throw ApiException.badRequest(
          "invalid_input",
          "No connected account has the id given in 'account'.",
          "GET /api/accounts lists them.");
    }
    SourceView added = ado.addSource(organization + "/" + project + "/" + repository, account);
    ctx.status(201).header("Location", "/api/sources/" + added.id()).json(added);
  }

  private void remove(Context ctx) {
    String id = ctx.pathParam("id");
    if (ado.sources().stream().noneMatch(s -> s.id().equals(id))) {
      throw ApiException.notFound("No source has that id.", "GET /api/sources lists them.");
    }
    ado.removeSource(id);
    ctx.status(204);
  }
}
