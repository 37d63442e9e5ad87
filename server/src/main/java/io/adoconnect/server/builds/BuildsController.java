package io.adoconnect.server.builds;

import io.adoconnect.builds.Build;
import io.adoconnect.connect.ProjectHandle;
import io.adoconnect.http.Urls;
import io.adoconnect.pipelines.PipelineRun;
import io.adoconnect.pipelines.RunPipelineInput;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.PathParams;
import io.adoconnect.server.RepositoryPath;
import io.adoconnect.server.RequestCore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Builds and pipelines of a project, under {@code /api/projects/{organization}/{project}/}:
 *
 * <ul>
 *   <li>{@code GET builds/definitions?name=} — definitions with their repositories;
 *   <li>{@code POST builds} {@code {definition (id or name), branch?, parameters?,
 *       templateParameters?}} → 201, the queued build;
 *   <li>{@code GET builds?definition=&branch=&top=} — newest first; {@code GET builds/{id}};
 *   <li>{@code GET pipelines}; {@code POST pipelines/{pipeline}/runs} {@code {branch?, variables?,
 *       templateParameters?}} → 201; {@code GET pipelines/{pipeline}/runs/{run}}.
 * </ul>
 *
 * Every route takes {@code ?account=} to pick the account when more than one reaches the
 * organization. The service never waits for a build: clients poll {@code GET builds/{id}} (or
 * subscribe to the {@code build.complete} service hook).
 */
public final class BuildsController {
  private static final String BASE = RepositoryPath.PROJECT_PREFIX;

  private final RequestCore ado;

  public BuildsController(RequestCore ado) {
    this.ado = ado;
  }

  /** The body of {@code POST …/builds}. */
  public record NewBuild(
      String definition,
      String branch,
      Map<String, String> parameters,
      Map<String, String> templateParameters) {}

  /** The body of {@code POST …/pipelines/{pipeline}/runs}. */
  public record NewRun(
      String branch, Map<String, String> variables, Map<String, String> templateParameters) {}

  public void routes(RoutesConfig routes) {
    // Before builds/{id}, so "definitions" is never taken for an id.
    routes.get(
        BASE + "/builds/definitions",
        ctx -> ctx.json(project(ctx).builds().definitions(ctx.queryParam("name"))));
    routes.get(BASE + "/builds", this::list);
    routes.post(BASE + "/builds", this::queue);
    routes.get(
        BASE + "/builds/{id}",
        ctx -> ctx.json(project(ctx).builds().get(PathParams.id(ctx, "id"))));
    routes.get(BASE + "/pipelines", ctx -> ctx.json(project(ctx).pipelines().list()));
    routes.post(BASE + "/pipelines/{pipeline}/runs", this::run);
    routes.get(
        BASE + "/pipelines/{pipeline}/runs/{run}",
        ctx ->
            ctx.json(
                project(ctx)
                    .pipelines()
                    .getRun(ctx.pathParam("pipeline"), PathParams.id(ctx, "run"))));
  }

  private ProjectHandle project(Context ctx) {
    return ado.of(ctx).project(RepositoryPath.project(ctx));
  }

  private void list(Context ctx) {
    Integer top = PathParams.number(ctx.queryParam("top"), "top").orElse(null);
    ctx.json(
        project(ctx).builds().list(ctx.queryParam("definition"), ctx.queryParam("branch"), top));
  }

  private void queue(Context ctx) {
    NewBuild body = JsonBodies.read(ctx, NewBuild.class);
    String definition = JsonBodies.required(body.definition(), "definition");
    ProjectHandle project = project(ctx);
    Build queued =
        project
            .builds()
            .queue(definition, body.branch(), body.parameters(), body.templateParameters());
    ctx.status(201).header("Location", location(project) + "/builds/" + queued.id()).json(queued);
  }

  private void run(Context ctx) {
    NewRun body = JsonBodies.read(ctx, NewRun.class);
    RunPipelineInput input =
        new RunPipelineInput(
            body.branch(), orEmpty(body.variables()), orEmpty(body.templateParameters()));
    ProjectHandle project = project(ctx);
    PipelineRun run = project.pipelines().run(ctx.pathParam("pipeline"), input);
    String pipeline =
        run.pipeline() == null ? ctx.pathParam("pipeline") : Integer.toString(run.pipeline().id());
    ctx.status(201)
        .header("Location", location(project) + "/pipelines/" + pipeline + "/runs/" + run.id())
        .json(run);
  }

  private static String location(ProjectHandle project) {
    return "/api/projects/"
        + Urls.encodeSegment(project.organization().name())
        + "/"
        + Urls.encodeSegment(project.project());
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
