package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.pullrequests.PullRequest;
import io.adoconnect.pullrequests.PullRequestUpdate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect prs update ORG/PROJECT/REPO …}: Change the title or description, or add
 * reviewers.
 */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = "Change the title or description, or add reviewers.")
final class PrsUpdateCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
  String path;

  @Parameters(index = "1", paramLabel = "ID", description = "The pull request id.")
  int id;

  @Option(names = "--title", paramLabel = "TEXT", description = "The new title.")
  String title;

  @Option(names = "--description", paramLabel = "TEXT", description = "The new description.")
  String description;

  @Option(
      names = "--add-reviewer",
      paramLabel = "ID|EMAIL",
      description = "A reviewer to add; repeat for more.")
  List<String> addReviewers = List.of();

  PrsUpdateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      PullRequestUpdate change =
          PullRequestUpdate.none()
              .withTitle(title)
              .withDescription(description)
              .withAddedReviewers(addReviewers);
      PullRequest pr = ado.repository(account.repository(path)).pullRequests().update(id, change);
      if (output.json) {
        Output.json(ctx.out(), pr);
      } else {
        PrsCommand.describe(ctx.out(), pr);
      }
      return ExitCodes.OK;
    }
  }
}
