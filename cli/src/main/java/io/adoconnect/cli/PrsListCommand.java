package io.adoconnect.cli;

import io.adoconnect.InvalidInputException;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.Target;
import io.adoconnect.pullrequests.PullRequest;
import io.adoconnect.pullrequests.PullRequestCriteria;
import io.adoconnect.pullrequests.PullRequestsClient;
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

  @Option(names = "--top", paramLabel = "N", description = "At most N (default: all).")
  Integer top;

  PrsListCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      Target t = ado.repository(path);
      PullRequestsClient prs = new PullRequestsClient(t.http());
      if (top != null && top < 1) {
        throw new InvalidInputException(
            "--top must be at least 1.", "Leave it out to list them all.");
      }
      PullRequestCriteria criteria = new PullRequestCriteria(status, creator, reviewer, target);
      List<PullRequest> found =
          prs.list(t.org(), t.project(), t.repository(), criteria).stream()
              .limit(top == null ? Long.MAX_VALUE : top)
              .toList();
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
