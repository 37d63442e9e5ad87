package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.pullrequests.MergeStrategy;
import io.adoconnect.pullrequests.PullRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect prs complete ORG/PROJECT/REPO …}: Complete (merge) a pull request at its
 * current source commit.
 */
@Command(
    name = "complete",
    mixinStandardHelpOptions = true,
    description = "Complete (merge) a pull request at its current source commit.")
final class PrsCompleteCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
  String path;

  @Parameters(index = "1", paramLabel = "ID", description = "The pull request id.")
  int id;

  @Option(
      names = "--merge-strategy",
      paramLabel = "STRATEGY",
      defaultValue = "noFastForward",
      description = "noFastForward (default), squash, rebase or rebaseMerge.")
  String mergeStrategy;

  @Option(names = "--delete-source-branch", description = "Delete the source branch after merging.")
  boolean deleteSourceBranch;

  PrsCompleteCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      PullRequest pr =
          ado.repository(account.repository(path))
              .pullRequests()
              .complete(id, MergeStrategy.parse(mergeStrategy), deleteSourceBranch);
      if (output.json) {
        Output.json(ctx.out(), pr);
      } else {
        PrsCommand.describe(ctx.out(), pr);
      }
      return ExitCodes.OK;
    }
  }
}
