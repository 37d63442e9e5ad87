package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.connect.ProjectHandle;
import io.adoconnect.http.Json;
import io.adoconnect.pipelines.RunPipelineInput;
import java.util.List;

/**
 * Builds and pipelines: list, read, queue a build, run a pipeline. The same core calls as the CLI's
 * {@code builds} and {@code pipelines} commands. Build numbers (a pipeline can set them from a
 * commit message), branches, parameters and display names are untrusted text.
 */
final class BuildTools {
  private static final List<String> BUILD_WRITTEN =
      List.of(
          "buildNumber",
          "sourceBranch",
          "parameters",
          "templateParameters/*",
          "requestedFor/displayName",
          "definition/name");
  private static final List<String> RUN_WRITTEN =
      List.of("name", "templateParameters/*", "resources/repositories/self/refName");

  private BuildTools() {}

  static List<McpTool> all() {
    return List.of(
        new McpTool(
            "list_builds",
            "List builds",
            ToolSet.BUILDS,
            Effect.READ,
            "A project's latest builds, newest first: of one definition and/or branch if given.",
            Schema.project()
                .string("definition", "Build definition id or name.", false)
                .string("branch", "Only builds of this branch.", false)
                .integer("top", "How many of the latest to read (default 50).", false)
                .paged(),
            BuildTools::list),
        new McpTool(
            "get_build",
            "Read a build",
            ToolSet.BUILDS,
            Effect.READ,
            "One build: status, result, branch, commit, definition, who asked for it.",
            Schema.project().integer("buildId", "The build id.", true),
            BuildTools::get),
        new McpTool(
            "queue_build",
            "Queue a build",
            ToolSet.BUILDS,
            Effect.ADD,
            "Queues a build of a definition (id or name), on a branch (default: the definition's), with parameters.",
            Schema.project()
                .string("definition", "Build definition id or name.", true)
                .string("branch", "Branch to build; default: the definition's.", false)
                .stringMap("parameters", "Classic build variables, name to value.", false)
                .stringMap("templateParameters", "YAML template parameters, name to value.", false),
            BuildTools::queue),
        new McpTool(
            "list_pipelines",
            "List pipelines",
            ToolSet.BUILDS,
            Effect.READ,
            "A project's pipelines.",
            Schema.project().paged(),
            BuildTools::pipelines),
        new McpTool(
            "list_pipeline_runs",
            "List pipeline runs",
            ToolSet.BUILDS,
            Effect.READ,
            "A pipeline's runs, newest first.",
            Schema.project().string("pipeline", "Pipeline id or name.", true).paged(),
            BuildTools::runs),
        new McpTool(
            "get_pipeline_run",
            "Read a pipeline run",
            ToolSet.BUILDS,
            Effect.READ,
            "One run of a pipeline: state, result, branch, commit.",
            Schema.project()
                .string("pipeline", "Pipeline id or name.", true)
                .integer("runId", "The run id.", true),
            BuildTools::run),
        new McpTool(
            "run_pipeline",
            "Run a pipeline",
            ToolSet.BUILDS,
            Effect.ADD,
            "Starts a run of a pipeline (id or name), on a branch (default: the pipeline's), with variables and template parameters.",
            Schema.project()
                .string("pipeline", "Pipeline id or name.", true)
                .string("branch", "Branch to run; default: the pipeline's.", false)
                .stringMap("variables", "Variables, name to value.", false)
                .stringMap("templateParameters", "Template parameters, name to value.", false),
            BuildTools::start));
  }

  static ProjectHandle project(ToolCall call) {
    ProjectHandle project = call.ado().project(call.args().project());
    call.reach().check(project);
    return project;
  }

  private static Answer list(ToolCall call) {
    ProjectHandle project = project(call);
    ToolCall.Page<?> page =
        call.page(
            project
                .builds()
                .list(
                    call.args().optionalString("definition").orElse(null),
                    call.args().optionalString("branch").orElse(null),
                    call.args().optionalInteger("top").orElse(null)));
    ObjectNode body = Where.body(Where.of(project));
    body.set("builds", Json.MAPPER.valueToTree(page.items()));
    return RepositoryTools.paged(body, page, List.of())
        .untrusted(prefixed("/builds/*/", BUILD_WRITTEN));
  }

  private static Answer get(ToolCall call) {
    ProjectHandle project = project(call);
    ObjectNode body = Where.body(Where.of(project));
    body.set(
        "build", Json.MAPPER.valueToTree(project.builds().get(call.args().integer("buildId"))));
    return Answer.of(body).untrusted(prefixed("/build/", BUILD_WRITTEN));
  }

  private static Answer queue(ToolCall call) {
    ProjectHandle project = project(call);
    ObjectNode body = Where.body(Where.of(project));
    body.set(
        "build",
        Json.MAPPER.valueToTree(
            project
                .builds()
                .queue(
                    call.args().string("definition"),
                    call.args().optionalString("branch").orElse(null),
                    call.args().stringMap("parameters"),
                    call.args().stringMap("templateParameters"))));
    return Answer.of(body).untrusted(prefixed("/build/", BUILD_WRITTEN));
  }

  private static Answer pipelines(ToolCall call) {
    ProjectHandle project = project(call);
    ToolCall.Page<?> page = call.page(project.pipelines().list());
    ObjectNode body = Where.body(Where.of(project));
    body.set("pipelines", Json.MAPPER.valueToTree(page.items()));
    return RepositoryTools.paged(body, page, List.of());
  }

  private static Answer runs(ToolCall call) {
    ProjectHandle project = project(call);
    ToolCall.Page<?> page = call.page(project.pipelines().runs(call.args().string("pipeline")));
    ObjectNode body = Where.body(Where.of(project));
    body.set("runs", Json.MAPPER.valueToTree(page.items()));
    return RepositoryTools.paged(body, page, List.of())
        .untrusted(prefixed("/runs/*/", RUN_WRITTEN));
  }

  private static Answer run(ToolCall call) {
    ProjectHandle project = project(call);
    ObjectNode body = Where.body(Where.of(project));
    body.set(
        "run",
        Json.MAPPER.valueToTree(
            project
                .pipelines()
                .getRun(call.args().string("pipeline"), call.args().integer("runId"))));
    return Answer.of(body).untrusted(prefixed("/run/", RUN_WRITTEN));
  }

  private static Answer start(ToolCall call) {
    ProjectHandle project = project(call);
    RunPipelineInput input =
        new RunPipelineInput(
            call.args().optionalString("branch").orElse(null),
            call.args().stringMap("variables"),
            call.args().stringMap("templateParameters"));
    ObjectNode body = Where.body(Where.of(project));
    body.set(
        "run",
        Json.MAPPER.valueToTree(project.pipelines().run(call.args().string("pipeline"), input)));
    return Answer.of(body).untrusted(prefixed("/run/", RUN_WRITTEN));
  }

  static String[] prefixed(String prefix, List<String> paths) {
    return paths.stream().map(p -> prefix + p).toArray(String[]::new);
  }
}
