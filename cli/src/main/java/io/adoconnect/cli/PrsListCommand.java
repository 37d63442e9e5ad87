package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.pullrequests.PullRequest;
import io.adoconnect.pullrequests.PullRequestCriteria;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect prs list ORG/PROJECT/REPO …}: List pull requests, newest first (active ones
 * unless --status says otherwise).
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List pull requests, newest first (active ones unless --status says otherwise).")
final class PrsListCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
  String path;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "active (default), completed, abandoned or all.")
  String status;

  @Option(
      names = "--creator",
      paramLabel = "ID|EMAIL",
      description = "Only those this person opened.")
  String creator;

  @Option(
      names = "--reviewer",
      paramLabel = "ID|EMAIL",
      description = "Only those this person reviews.")
  String reviewer;

  @Option(
      names = "--target",
      paramLabel = "BRANCH",
      description = "Only those merging into this branch.")
  String target;

  @Option(names = "--top", paramLabel = "N", description = "At most N, up to 1000 (default: all).")
  Integer top;

  PrsListCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      PullRequestCriteria criteria =
          new PullRequestCriteria(status, creator, reviewer, target, top);
      List<PullRequest> found =
          ado.repository(account.repository(path)).pullRequests().list(criteria);
      Output.list(
          ctx,
          output,
          found,
          "No " + criteria.status() + " pull requests in " + path + ".",
          all -> PrsCommand.table(ctx.out(), all));
      return ExitCodes.OK;
    }
  }
}
