package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.pipelines.Pipeline;
import io.adoconnect.pipelines.PipelineRun;
import io.adoconnect.pipelines.ProjectPipelines;
import io.adoconnect.pipelines.RunPipelineInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ado-connect pipelines list|run|get}: YAML pipelines and their runs. */
@Command(
    name = "pipelines",
    mixinStandardHelpOptions = true,
    description = "YAML pipelines of a project: list, run, follow a run.",
    subcommands = {
      PipelinesCommand.ListPipelines.class,
      PipelinesCommand.Run.class,
      PipelinesCommand.Get.class
    })
public final class PipelinesCommand extends SubcommandRequired {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the project's pipelines.")
  static final class ListPipelines implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    ListPipelines(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        List<Pipeline> pipelines = ado.project(account.project(path)).pipelines().list();
        Output.list(
            ctx,
            output,
            pipelines,
            "No pipelines in " + path + ".",
            List.of("ID", "NAME", "FOLDER", "REVISION"),
            p ->
                List.of(
                    Integer.toString(p.id()),
                    p.name(),
                    Output.orDash(p.folder()),
                    Integer.toString(p.revision())));
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Run a pipeline (Build (Read & execute) scope).",
        "With --wait, follows the run (progress on stderr) and exits 1 unless it succeeds."
      })
  static final class Run implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    @Parameters(index = "1", paramLabel = "ID|NAME", description = "The pipeline, by id or name.")
    String pipeline;

    @Option(
        names = "--branch",
        paramLabel = "BRANCH",
        description = "Run on this branch (default: the pipeline's).")
    String branch;

    @Option(
        names = "--variable",
        paramLabel = "NAME=VALUE",
        description = "A variable settable at queue time; repeat for more.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(
        names = "--parameter",
        paramLabel = "NAME=VALUE",
        description = "A runtime parameter; repeat for more.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Mixin WaitOptions wait;

    Run(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      java.time.Duration limit = wait.limit();
      RunPipelineInput input = RunPipelineInput.defaults().withBranch(branch);
      for (Map.Entry<String, String> v : variables.entrySet()) {
        input = input.withVariable(v.getKey(), v.getValue());
      }
      for (Map.Entry<String, String> p : parameters.entrySet()) {
        input = input.withTemplateParameter(p.getKey(), p.getValue());
      }
      try (AdoConnect ado = Commands.open(ctx, common)) {
        ProjectPipelines pipelines = ado.project(account.project(path)).pipelines();
        PipelineRun run = pipelines.run(pipeline, input);
        if (!wait.await) {
          print(ctx, output, run, "Started");
          return ExitCodes.OK;
        }
        WaitOptions.waiting(ctx, "Started run", run.id(), run.name());
        PipelineRun done =
            pipelines.awaitRun(
                run, limit, r -> WaitOptions.progress(ctx, "run", r.id(), r.progress()));
        print(ctx, output, done, "Completed");
        return "succeeded".equals(done.result()) ? ExitCodes.OK : ExitCodes.FAILURE;
      }
    }
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Show one run of a pipeline.")
  static final class Get implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    @Parameters(index = "1", paramLabel = "PIPELINE", description = "The pipeline, by id or name.")
    String pipeline;

    @Parameters(index = "2", paramLabel = "RUN", description = "The run id (the build id).")
    int run;

    Get(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        print(
            ctx,
            output,
            ado.project(account.project(path)).pipelines().getRun(pipeline, run),
            "Run");
        return ExitCodes.OK;
      }
    }
  }

  static void print(CliContext ctx, JsonOption output, PipelineRun r, String verb) {
    if (output.json) {
      Output.json(ctx.out(), r);
      return;
    }
    ctx.out()
        .printf(
            "%s %d (%s) of %s on %s: %s%s%n",
            verb,
            r.id(),
            r.name(),
            r.pipeline() == null ? "?" : r.pipeline().name(),
            r.branch(),
            r.progress(),
            r.webUrl() == null ? "" : "  " + r.webUrl());
  }
}
