package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.pullrequests.PullRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ado-connect prs abandon ORG/PROJECT/REPO …}: Abandon a pull request. */
@Command(name = "abandon", mixinStandardHelpOptions = true, description = "Abandon a pull request.")
final class PrsAbandonCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
  String path;

  @Parameters(index = "1", paramLabel = "ID", description = "The pull request id.")
  int id;

  PrsAbandonCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      PullRequest pr = ado.repository(account.repository(path)).pullRequests().abandon(id);
      if (output.json) {
        Output.json(ctx.out(), pr);
      } else {
        PrsCommand.describe(ctx.out(), pr);
      }
      return ExitCodes.OK;
    }
  }
}
