package io.adoconnect.server.builds;

import io.adoconnect.builds.Build;
import io.adoconnect.builds.BuildQuery;
import io.adoconnect.builds.BuildsClient;
import io.adoconnect.builds.QueueBuildInput;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.Target;
import io.adoconnect.http.Urls;
import io.adoconnect.pipelines.PipelineRun;
import io.adoconnect.pipelines.PipelinesClient;
import io.adoconnect.pipelines.RunPipelineInput;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.PathParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

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
 * The service never waits for a build: clients poll {@code GET builds/{id}} (or subscribe to the
 * {@code build.complete} service hook).
 */
public final class BuildsController {
  private static final String BASE = "/api/projects/{organization}/{project}";

  private final AdoConnect ado;

  public BuildsController(AdoConnect ado) {
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
    routes.get(BASE + "/builds/definitions", this::definitions);
    routes.get(BASE + "/builds", this::list);
    routes.post(BASE + "/builds", this::queue);
    routes.get(BASE + "/builds/{id}", this::get);
    routes.get(BASE + "/pipelines", this::pipelines);
    routes.post(BASE + "/pipelines/{pipeline}/runs", this::run);
    routes.get(BASE + "/pipelines/{pipeline}/runs/{run}", this::getRun);
  }

  private Target target(Context ctx) {
    return ado.project(
        PathParams.name(ctx, "organization") + "/" + PathParams.name(ctx, "project"));
  }

  private void definitions(Context ctx) {
    Target t = target(ctx);
    ctx.json(
        new BuildsClient(t.http())
            .definitions(t.org(), t.project(), Optional.ofNullable(ctx.queryParam("name")))
            .toList());
  }

  private void list(Context ctx) {
    int top = PathParams.number(ctx.queryParam("top"), "top").orElse(BuildQuery.DEFAULT_TOP);
    BuildQuery query = BuildQuery.latest().withTop(top).withBranch(ctx.queryParam("branch"));
    Target t = target(ctx);
    BuildsClient builds = new BuildsClient(t.http());
    String definition = ctx.queryParam("definition");
    if (definition != null && !definition.isBlank()) {
      query = query.withDefinition(builds.resolveDefinitionId(t.org(), t.project(), definition));
    }
    ctx.json(builds.list(t.org(), t.project(), query));
  }

  private void queue(Context ctx) {
    NewBuild body = JsonBodies.read(ctx, NewBuild.class);
    String definition = JsonBodies.required(body.definition(), "definition");
    Target t = target(ctx);
    BuildsClient builds = new BuildsClient(t.http());
    QueueBuildInput input =
        new QueueBuildInput(
            builds.resolveDefinitionId(t.org(), t.project(), definition),
            body.branch(),
            orEmpty(body.parameters()),
            orEmpty(body.templateParameters()));
    Build queued = builds.queue(t.org(), t.project(), input);
    ctx.status(201).header("Location", location(t) + "/builds/" + queued.id()).json(queued);
  }

  private void get(Context ctx) {
    int id = PathParams.id(ctx, "id");
    Target t = target(ctx);
    ctx.json(new BuildsClient(t.http()).get(t.org(), t.project(), id));
  }

  private void pipelines(Context ctx) {
    Target t = target(ctx);
    ctx.json(new PipelinesClient(t.http()).list(t.org(), t.project()).toList());
  }

  private void run(Context ctx) {
    NewRun body = JsonBodies.read(ctx, NewRun.class);
    RunPipelineInput input =
        new RunPipelineInput(
            body.branch(), orEmpty(body.variables()), orEmpty(body.templateParameters()));
    Target t = target(ctx);
    PipelinesClient pipelines = new PipelinesClient(t.http());
    int pipeline = pipelines.resolvePipelineId(t.org(), t.project(), ctx.pathParam("pipeline"));
    PipelineRun run = pipelines.run(t.org(), t.project(), pipeline, input);
    ctx.status(201)
        .header("Location", location(t) + "/pipelines/" + pipeline + "/runs/" + run.id())
        .json(run);
  }

  private void getRun(Context ctx) {
    int run = PathParams.id(ctx, "run");
    Target t = target(ctx);
    PipelinesClient pipelines = new PipelinesClient(t.http());
    int pipeline = pipelines.resolvePipelineId(t.org(), t.project(), ctx.pathParam("pipeline"));
    ctx.json(pipelines.getRun(t.org(), t.project(), pipeline, run));
  }

  private static String location(Target t) {
    return "/api/projects/"
        + Urls.encodeSegment(t.org().name())
        + "/"
        + Urls.encodeSegment(t.project());
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
