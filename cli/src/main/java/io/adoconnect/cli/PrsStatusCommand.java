package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.pullrequests.PullRequestStatus;
import io.adoconnect.pullrequests.PullRequestStatusInput;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ado-connect prs status post|list}: statuses shown in a pull request's checks. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Post and list pull request statuses.",
    subcommands = {PrsStatusCommand.Post.class, PrsStatusCommand.ListStatuses.class})
final class PrsStatusCommand extends SubcommandRequired {

  @Command(
      name = "post",
      mixinStandardHelpOptions = true,
      description =
          "Post a status on a pull request (needs the Code (Status) or Code (Read & write)"
              + " scope).")
  static final class Post implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
    String path;

    @Parameters(index = "1", paramLabel = "ID", description = "The pull request id.")
    int id;

    @Mixin StatusOptions status;

    Post(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      PullRequestStatusInput input =
          PullRequestStatusInput.of(
              status.state, status.context, status.genre, status.description, status.targetUrl);
      try (AdoConnect ado = Commands.open(ctx, common)) {
        PullRequestStatus posted =
            ado.repository(account.repository(path)).pullRequests().postStatus(id, input);
        if (output.json) {
          Output.json(ctx.out(), posted);
        } else {
          ctx.out()
              .printf(
                  "Posted %s for %s on pull request %d (status id %s).%n",
                  posted.state(), posted.context().name(), id, posted.id());
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the statuses on a pull request.")
  static final class ListStatuses implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
    String path;

    @Parameters(index = "1", paramLabel = "ID", description = "The pull request id.")
    int id;

    ListStatuses(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        List<PullRequestStatus> statuses =
            ado.repository(account.repository(path)).pullRequests().statuses(id);
        Output.list(
            ctx,
            output,
            statuses,
            "No statuses on pull request " + id + " yet.",
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
