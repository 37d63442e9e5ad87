package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.git.CommitStatus;
import io.adoconnect.git.StatusInput;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
    String path;

    @Parameters(index = "1", paramLabel = "COMMIT", description = "The full 40-character id.")
    String commit;

    @Mixin StatusOptions status;

    Post(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      StatusInput input =
          StatusInput.of(
              status.state, status.context, status.genre, status.description, status.targetUrl);
      try (AdoConnect ado = Commands.open(ctx, common)) {
        CommitStatus posted =
            ado.repository(account.repository(path)).git().postStatus(commit, input);
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
    @Mixin AccountOption account;

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
        List<CommitStatus> statuses =
            ado.repository(account.repository(path)).git().statuses(commit);
        Output.list(
            ctx,
            output,
            statuses,
            "No statuses on " + commit + " yet.",
            StatusesTable.HEADER,
            s ->
                StatusesTable.row(
                    s.state(),
                    s.context() == null ? null : s.context().genre(),
                    s.context() == null ? null : s.context().name(),
                    s.description(),
                    s.creationDate(),
                    s.targetUrl()));
        return ExitCodes.OK;
      }
    }
  }
}
