package io.adoconnect.server.builds;

import io.adoconnect.builds.Build;
import io.adoconnect.builds.ProjectBuilds;
import io.adoconnect.connect.ProjectHandle;
import io.adoconnect.http.Urls;
import io.adoconnect.pipelines.PipelineRun;
import io.adoconnect.pipelines.RunPipelineInput;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.PathParams;
import io.adoconnect.server.RepositoryPath;
import io.adoconnect.server.RequestCore;
import io.adoconnect.server.errors.ApiException;
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
 *   <li>{@code GET builds/{id}/logs} — the build's logs; {@code GET builds/{id}/logs/{log}?
 *       startLine=&lines=} (at most {@value #MAX_LINES} lines, default {@value #DEFAULT_LINES}) or
 *       {@code ?tail=N} — lines of one log, with where the next read starts;
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
  static final int DEFAULT_LINES = 1_000;
  static final int MAX_LINES = 10_000;

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
    routes.get(
        BASE + "/builds/{id}/logs",
        ctx -> ctx.json(project(ctx).builds().logs(PathParams.id(ctx, "id"))));
    routes.get(BASE + "/builds/{id}/logs/{log}", this::logLines);
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

  private void logLines(Context ctx) {
    int build = PathParams.id(ctx, "id");
    int log = PathParams.id(ctx, "log");
    Optional<Integer> tail = PathParams.number(ctx.queryParam("tail"), "tail");
    int lines = PathParams.number(ctx.queryParam("lines"), "lines").orElse(DEFAULT_LINES);
    if (lines > MAX_LINES || tail.orElse(1) > MAX_LINES) {
      throw ApiException.badRequest(
          "invalid_input",
          "At most " + MAX_LINES + " lines are returned at once.",
          "Read the log in pages: each answer says where the next one starts (nextStartLine).");
    }
    ProjectBuilds builds = project(ctx).builds();
    ctx.json(
        tail.isPresent()
            ? builds.tail(build, log, tail.get())
            : builds.lines(
                build,
                log,
                PathParams.number(ctx.queryParam("startLine"), "startLine").orElse(1),
                lines));
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
