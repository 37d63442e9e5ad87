package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.git.CommitStatus;
import io.adoconnect.git.StatusInput;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ado-connect status post|list}: commit statuses (checks shown on commits and PRs). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Post and list commit statuses.",
    subcommands = {StatusCommand.Post.class, StatusCommand.ListStatuses.class})
public final class StatusCommand extends SubcommandRequired {

  @Command(
      name = "post",
      mixinStandardHelpOptions = true,
      description =
          "Post a status on a commit (needs the Code (Status) or Code (Read & write) scope).")
  static final class Post implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
    String path;

    @Parameters(index = "1", paramLabel = "COMMIT", description = "The full 40-character id.")
    String commit;

    @Option(
        names = "--state",
        required = true,
        paramLabel = "STATE",
        description = "succeeded, failed, pending or error.")
    String state;

    @Option(
        names = "--context",
        required = true,
        paramLabel = "NAME",
        description = "The check's name; a newer status with the same name supersedes older ones.")
    String context;

    @Option(names = "--genre", paramLabel = "GENRE", description = "Groups the check's name.")
    String genre;

    @Option(names = "--description", paramLabel = "TEXT", description = "Shown next to the state.")
    String description;

    @Option(names = "--target-url", paramLabel = "URL", description = "Where the details are.")
    String targetUrl;

    Post(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      StatusInput input = StatusInput.of(state, context, genre, description, targetUrl);
      try (AdoConnect ado = Commands.open(ctx, common)) {
        CommitStatus posted = ado.postStatus(path, commit, input);
        if (output.json) {
          Output.json(ctx.out(), posted);
        } else {
          ctx.out()
              .printf(
                  "Posted %s for %s on %s (status id %s).%n",
                  posted.state(), posted.context().name(), commit, posted.id());
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the statuses on a commit, newest first.")
  static final class ListStatuses implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
    String path;

    @Parameters(index = "1", paramLabel = "COMMIT", description = "The full 40-character id.")
    String commit;

    ListStatuses(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        List<CommitStatus> statuses = ado.statuses(path, commit);
        if (output.json) {
          Output.json(ctx.out(), statuses);
        } else if (statuses.isEmpty()) {
          ctx.err().println("No statuses on " + commit + " yet.");
        } else {
          Output.table(
              ctx.out(),
              List.of("STATE", "CONTEXT", "DESCRIPTION", "CREATED", "TARGET URL"),
              statuses.stream()
                  .map(
                      s ->
                          List.of(
                              s.state(),
                              s.context() == null
                                  ? "-"
                                  : s.context().genre() == null
                                      ? s.context().name()
                                      : s.context().genre() + "/" + s.context().name(),
                              Output.orDash(s.description()),
                              Output.orDash(s.creationDate()),
                              Output.orDash(s.targetUrl())))
                  .toList());
        }
        return ExitCodes.OK;
      }
    }
  }
}
