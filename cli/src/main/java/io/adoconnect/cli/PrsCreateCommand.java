package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.pullrequests.NewPullRequest;
import io.adoconnect.pullrequests.OpenedPullRequest;
import io.adoconnect.pullrequests.PullRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect prs create ORG/PROJECT/REPO …}: Open a pull request (an active one for the
 * same branches is returned as is, and said to be).
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description =
        "Open a pull request (an active one for the same branches is returned as is, and said"
            + " to be).")
final class PrsCreateCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

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
      NewPullRequest input =
          new NewPullRequest(source, target, title)
              .withDescription(description)
              .withReviewers(reviewers)
              .withDraft(draft);
      OpenedPullRequest opened =
          ado.repository(account.repository(path)).pullRequests().create(input);
      PullRequest pr = opened.pullRequest();
      if (opened.alreadyOpen()) {
        // On stderr with --json, so that standard output stays the pull request alone.
        (output.json ? ctx.err() : ctx.out())
            .printf(
                "A pull request for these branches is already open: #%d %s (nothing new was"
                    + " created).%n",
                pr.pullRequestId(), pr.title());
      }
      if (output.json) {
        Output.json(ctx.out(), pr);
      } else {
        PrsCommand.describe(ctx.out(), pr);
      }
      return ExitCodes.OK;
    }
  }
}
