package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.Target;
import io.adoconnect.pullrequests.NewPullRequest;
import io.adoconnect.pullrequests.PullRequest;
import io.adoconnect.pullrequests.PullRequestsClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect prs create ORG/PROJECT/REPO …}: Open a pull request (an active one for the
 * same branches is returned as is).
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Open a pull request (an active one for the same branches is returned as is).")
final class PrsCreateCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
  String path;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "BRANCH",
      description = "The branch with the changes (main or refs/heads/main).")
  String source;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "BRANCH",
      description = "The branch to merge into.")
  String target;

  @Option(names = "--title", required = true, paramLabel = "TEXT", description = "The title.")
  String title;

  @Option(names = "--description", paramLabel = "TEXT", description = "The description (Markdown).")
  String description;

  @Option(
      names = "--reviewer",
      paramLabel = "ID|EMAIL",
      description = "A reviewer; repeat for more.")
  List<String> reviewers = List.of();

  @Option(names = "--draft", description = "Open it as a draft.")
  boolean draft;

  PrsCreateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      Target t = ado.repository(path);
      PullRequestsClient prs = new PullRequestsClient(t.http());
      NewPullRequest input =
          new NewPullRequest(source, target, title)
              .withDescription(description)
              .withReviewers(reviewers)
              .withDraft(draft);
      PullRequest pr = prs.create(t.org(), t.project(), t.repository(), input);
      if (output.json) {
        Output.json(ctx.out(), pr);
      } else {
        PrsCommand.describe(ctx.out(), pr);
      }
      return ExitCodes.OK;
    }
  }
}
