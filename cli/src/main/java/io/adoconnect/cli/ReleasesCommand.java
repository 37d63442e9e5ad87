package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.releases.ProjectReleases;
import io.adoconnect.releases.Release;
import io.adoconnect.releases.ReleaseDefinition;
import io.adoconnect.releases.ReleaseEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect releases definitions|create|get|list}: classic releases (Release Management).
 */
@Command(
    name = "releases",
    mixinStandardHelpOptions = true,
    description = "Classic release definitions and releases (needs the Release scope).",
    subcommands = {
      ReleasesCommand.Definitions.class,
      ReleasesCommand.Create.class,
      ReleasesCommand.Get.class,
      ReleasesCommand.ListReleases.class
    })
public final class ReleasesCommand extends SubcommandRequired {
  private static String stages(List<ReleaseEnvironment> environments, boolean withStatus) {
    return environments.stream()
        .map(e -> withStatus ? e.name() + ":" + e.status() : e.name())
        .collect(Collectors.joining(withStatus ? " " : " → "));
  }

  @Command(
      name = "definitions",
      mixinStandardHelpOptions = true,
      description = "List a project's release definitions and their stages.")
  static final class Definitions implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    Definitions(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        List<ReleaseDefinition> definitions =
            ado.project(account.project(path)).releases().definitions();
        Output.list(
            ctx,
            output,
            definitions,
            "The project " + path + " has no release definitions.",
            List.of("ID", "NAME", "STAGES"),
            d -> List.of(Integer.toString(d.id()), d.name(), stages(d.environments(), false)));
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a release of a definition (needs Release (Read, write & execute)).",
        "With --wait, follows its stages (progress on stderr) and exits 1 unless all succeed."
      })
  static final class Create implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    @Option(
        names = "--definition",
        required = true,
        paramLabel = "ID|NAME",
        description = "The release definition, by id or exact name.")
    String definition;

    @Option(names = "--description", paramLabel = "TEXT", description = "Shown with the release.")
    String description;

    @Mixin WaitOptions wait;

    Create(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      java.time.Duration limit = wait.limit();
      try (AdoConnect ado = Commands.open(ctx, common)) {
        ProjectReleases releases = ado.project(account.project(path)).releases();
        Release release = releases.create(definition, description);
        ctx.err()
            .println(
                "Created "
                    + release.name()
                    + " (id "
                    + release.id()
                    + ") of "
                    + (release.releaseDefinition() == null
                        ? definition
                        : release.releaseDefinition().name())
                    + Optional.ofNullable(release.webUrl()).map(u -> ": " + u).orElse("."));
        if (wait.await) {
          release =
              releases.await(
                  release.id(),
                  limit,
                  r -> WaitOptions.progress(ctx, "release", r.id(), r.progress()));
        }
        if (output.json) {
          Output.json(ctx.out(), release);
        } else {
          ctx.out()
              .println(
                  release.id() + " " + release.name() + " " + stages(release.environments(), true));
        }
        return wait.await && !release.succeeded() ? ExitCodes.FAILURE : ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Show a release and the status of each stage.")
  static final class Get implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    @Parameters(index = "1", paramLabel = "ID", description = "The release id.")
    int id;

    Get(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        Release release = ado.project(account.project(path)).releases().get(id);
        if (output.json) {
          Output.json(ctx.out(), release);
        } else {
          ctx.out()
              .println(
                  release.name()
                      + " (id "
                      + release.id()
                      + ") of "
                      + (release.releaseDefinition() == null
                          ? "-"
                          : release.releaseDefinition().name())
                      + ": "
                      + release.status()
                      + Optional.ofNullable(release.webUrl()).map(u -> " — " + u).orElse(""));
          Output.table(
              ctx.out(),
              List.of("STAGE", "STATUS", "SINCE"),
              release.environments().stream()
                  .map(e -> List.of(e.name(), e.status(), Output.orDash(e.modifiedOn())))
                  .toList());
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List a project's releases, newest first.")
  static final class ListReleases implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    @Option(
        names = "--definition",
        paramLabel = "ID|NAME",
        description = "Only releases of this definition.")
    String definition;

    @Option(
        names = "--top",
        paramLabel = "N",
        description = "At most this many, up to 1000 (default 50).")
    Integer top;

    ListReleases(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        List<Release> list = ado.project(account.project(path)).releases().list(definition, top);
        Output.list(
            ctx,
            output,
            list,
            "No releases in " + path + " yet.",
            List.of("ID", "NAME", "DEFINITION", "CREATED", "STAGES"),
            r ->
                List.of(
                    Integer.toString(r.id()),
                    r.name(),
                    r.releaseDefinition() == null ? "-" : r.releaseDefinition().name(),
                    Output.orDash(r.createdOn()),
                    stages(r.environments(), true)));
        return ExitCodes.OK;
      }
    }
  }
}
