package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.Target;
import io.adoconnect.http.Sleeper;
import io.adoconnect.releases.NewRelease;
import io.adoconnect.releases.Release;
import io.adoconnect.releases.ReleaseDefinition;
import io.adoconnect.releases.ReleaseEnvironment;
import io.adoconnect.releases.ReleasesClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
  private static final Duration WAIT_AT_MOST = Duration.ofHours(2);

  private static ReleasesClient client(AdoConnect ado, Target target) {
    return new ReleasesClient(target.http(), ado.endpoints());
  }

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

    @Parameters(paramLabel = "ORG/PROJECT", description = "The project.")
    String path;

    Definitions(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        Target t = ado.project(path);
        List<ReleaseDefinition> definitions =
            client(ado, t).definitions(t.org(), t.project()).toList();
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
      description =
          "Create a release of a definition (needs Release (Read, write & execute)); --wait"
              + " follows its stages.")
  static final class Create implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

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

    @Option(
        names = "--wait",
        description = "Wait until every stage has finished, reporting each change on stderr.")
    boolean await;

    Create(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        Target t = ado.project(path);
        ReleasesClient releases = client(ado, t);
        ReleaseDefinition found = releases.definition(t.org(), t.project(), definition);
        Release release =
            releases.create(t.org(), t.project(), NewRelease.of(found.id(), description));
        ctx.err()
            .println(
                "Created "
                    + release.name()
                    + " (id "
                    + release.id()
                    + ") of "
                    + found.name()
                    + Optional.ofNullable(release.webUrl()).map(u -> ": " + u).orElse("."));
        if (await) {
          Map<String, String> reported = new HashMap<>();
          release =
              releases.awaitFinished(
                  t.org(),
                  t.project(),
                  release.id(),
                  POLL_INTERVAL,
                  WAIT_AT_MOST,
                  Sleeper.REAL,
                  current -> {
                    for (ReleaseEnvironment stage : current.environments()) {
                      if (!stage.status().equals(reported.put(stage.name(), stage.status()))) {
                        ctx.err().println("  " + stage.name() + ": " + stage.status());
                      }
                    }
                  });
        }
        if (output.json) {
          Output.json(ctx.out(), release);
        } else {
          ctx.out()
              .println(
                  release.id() + " " + release.name() + " " + stages(release.environments(), true));
        }
        return await && !release.succeeded() ? ExitCodes.FAILURE : ExitCodes.OK;
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
        Target t = ado.project(path);
        Release release = client(ado, t).get(t.org(), t.project(), id);
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
        defaultValue = "50",
        description = "At most this many (default: ${DEFAULT-VALUE}).")
    int top;

    ListReleases(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      if (top <= 0) {
        throw new io.adoconnect.InvalidInputException(
            "--top must be at least 1.", "Leave it out for the latest 50.");
      }
      try (AdoConnect ado = Commands.open(ctx, common)) {
        Target t = ado.project(path);
        ReleasesClient releases = client(ado, t);
        Optional<Integer> definitionId =
            Optional.ofNullable(definition)
                .map(d -> releases.definition(t.org(), t.project(), d).id());
        List<Release> list =
            releases.list(t.org(), t.project(), definitionId, Math.min(top, 100)).stream()
                .limit(top)
                .toList();
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
