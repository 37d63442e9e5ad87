package io.adoconnect.cli;

import io.adoconnect.builds.Build;
import io.adoconnect.builds.BuildDefinition;
import io.adoconnect.builds.BuildResult;
import io.adoconnect.builds.ProjectBuilds;
import io.adoconnect.connect.AdoConnect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ado-connect builds definitions|queue|get|list|logs}: the Build area of a project. */
@Command(
    name = "builds",
    mixinStandardHelpOptions = true,
    description = "Build definitions and builds of a project: list, queue, follow.",
    subcommands = {
      BuildsCommand.Definitions.class,
      BuildsCommand.Queue.class,
      BuildsCommand.Get.class,
      BuildsCommand.ListBuilds.class,
      BuildsLogsCommand.class
    })
public final class BuildsCommand extends SubcommandRequired {

  @Command(
      name = "definitions",
      mixinStandardHelpOptions = true,
      description = "List the project's build definitions (Build (Read) scope).")
  static final class Definitions implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    @Option(
        names = "--name",
        paramLabel = "FILTER",
        description = "Only definitions with this name; * is a wildcard, e.g. 'web*'.")
    String name;

    Definitions(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        List<BuildDefinition> definitions =
            ado.project(account.project(path)).builds().definitions(name);
        Output.list(
            ctx,
            output,
            definitions,
            "No build definitions in " + path + (name == null ? "." : " named '" + name + "'."),
            List.of("ID", "NAME", "FOLDER", "REPOSITORY", "DEFAULT BRANCH"),
            d ->
                List.of(
                    Integer.toString(d.id()),
                    d.name(),
                    Output.orDash(d.path()),
                    d.repository() == null ? "-" : Output.orDash(d.repository().name()),
                    d.repository() == null ? "-" : Output.orDash(d.repository().defaultBranch())));
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "queue",
      mixinStandardHelpOptions = true,
      description = {
        "Queue a build (Build (Read & execute) scope).",
        "With --wait, follows it (progress on stderr) and exits 1 unless it succeeds."
      })
  static final class Queue implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    @Option(
        names = "--definition",
        required = true,
        paramLabel = "ID|NAME",
        description = "The build definition, by id or by name.")
    String definition;

    @Option(
        names = "--branch",
        paramLabel = "BRANCH",
        description = "Build this branch (default: the definition's).")
    String branch;

    @Option(
        names = "--parameter",
        paramLabel = "NAME=VALUE",
        description = "A variable settable at queue time; repeat for more.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(
        names = "--template-parameter",
        paramLabel = "NAME=VALUE",
        description = "A YAML runtime parameter; repeat for more.")
    Map<String, String> templateParameters = new LinkedHashMap<>();

    @Mixin WaitOptions wait;

    Queue(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      java.time.Duration limit = wait.limit();
      try (AdoConnect ado = Commands.open(ctx, common)) {
        ProjectBuilds builds = ado.project(account.project(path)).builds();
        Build build = builds.queue(definition, branch, parameters, templateParameters);
        if (!wait.await) {
          print(build, "Queued");
          return ExitCodes.OK;
        }
        WaitOptions.waiting(ctx, "Queued build", build.id(), build.buildNumber());
        Build done =
            builds.await(
                build.id(), limit, b -> WaitOptions.progress(ctx, "build", b.id(), b.state()));
        print(done, "Completed");
        return done.result() == BuildResult.SUCCEEDED ? ExitCodes.OK : ExitCodes.FAILURE;
      }
    }

    private void print(Build build, String verb) {
      if (output.json) {
        Output.json(ctx.out(), build);
      } else {
        BuildsCommand.printOne(ctx, build, verb);
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one build.")
  static final class Get implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    @Parameters(index = "1", paramLabel = "ID", description = "The build id.")
    int id;

    Get(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        Build build = ado.project(account.project(path)).builds().get(id);
        if (output.json) {
          Output.json(ctx.out(), build);
        } else {
          printOne(ctx, build, "Build");
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the latest builds, newest first.")
  static final class ListBuilds implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    @Option(
        names = "--definition",
        paramLabel = "ID|NAME",
        description = "Only this definition's builds.")
    String definition;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "Only builds of this branch.")
    String branch;

    @Option(names = "--top", paramLabel = "N", description = "At most this many (default 20).")
    Integer top;

    ListBuilds(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        List<Build> list =
            ado.project(account.project(path)).builds().list(definition, branch, top);
        Output.list(
            ctx,
            output,
            list,
            "No builds in " + path + " match.",
            List.of("ID", "NUMBER", "DEFINITION", "BRANCH", "STATUS", "RESULT", "QUEUED"),
            b ->
                List.of(
                    Integer.toString(b.id()),
                    Output.orDash(b.buildNumber()),
                    b.definition() == null ? "-" : Output.orDash(b.definition().name()),
                    Output.orDash(b.sourceBranch()),
                    Output.orDash(b.status()),
                    Output.orDash(b.result()),
                    Output.orDash(b.queueTime())));
        return ExitCodes.OK;
      }
    }
  }

  static void printOne(CliContext ctx, Build b, String verb) {
    ctx.out()
        .printf(
            "%s %d (%s) of %s on %s: %s%s%n",
            verb,
            b.id(),
            b.buildNumber(),
            b.definition() == null ? "?" : b.definition().name(),
            b.sourceBranch(),
            b.state(),
            b.webUrl() == null ? "" : "  " + b.webUrl());
  }
}
