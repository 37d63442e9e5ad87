package io.adoconnect.cli;

import io.adoconnect.pullrequests.PullRequest;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ado-connect prs …}: pull requests of a repository. */
@Command(
    name = "prs",
    mixinStandardHelpOptions = true,
    description = "List, open, review, complete and abandon pull requests.",
    subcommands = {
      PrsListCommand.class,
      PrsGetCommand.class,
      PrsCreateCommand.class,
      PrsUpdateCommand.class,
      PrsCompleteCommand.class,
      PrsAbandonCommand.class,
      PrsCommentCommand.class,
      PrsThreadsCommand.class,
      PrsDiffCommand.class,
      PrsStatusCommand.class
    })
public final class PrsCommand extends SubcommandRequired {

  /** The table {@code prs list} prints. */
  static void table(PrintStream out, List<PullRequest> prs) {
    Output.table(
        out,
        List.of("ID", "STATUS", "TITLE", "SOURCE", "TARGET", "CREATED BY"),
        prs.stream()
            .map(
                pr ->
                    List.of(
                        Integer.toString(pr.pullRequestId()),
                        pr.status() + (pr.isDraft() ? " (draft)" : ""),
                        pr.title(),
                        branch(pr.sourceRefName()),
                        branch(pr.targetRefName()),
                        pr.createdBy() == null ? "-" : Output.orDash(pr.createdBy().displayName())))
            .toList());
  }

  /** A few lines about one pull request. */
  static void describe(PrintStream out, PullRequest pr) {
    out.printf(
        "Pull request %d: %s%n  %s → %s, %s%s%n",
        pr.pullRequestId(),
        pr.title(),
        branch(pr.sourceRefName()),
        branch(pr.targetRefName()),
        pr.status(),
        pr.isDraft() ? " (draft)" : "");
    if (pr.createdBy() != null) {
      out.printf("  created by %s on %s%n", pr.createdBy().displayName(), pr.creationDate());
    }
    if (!pr.reviewers().isEmpty()) {
      out.printf(
          "  reviewers: %s%n",
          String.join(
              ", ",
              pr.reviewers().stream()
                  .map(r -> r.displayName() + " (" + vote(r.vote()) + ")")
                  .toList()));
    }
    if (pr.description() != null && !pr.description().isBlank()) {
      out.println();
      out.println(pr.description().indent(2).stripTrailing());
    }
  }

  static String branch(String refName) {
    return refName == null ? "-" : refName.replaceFirst("^refs/heads/", "");
  }

  private static String vote(int vote) {
    return switch (vote) {
      case 10 -> "approved";
      case 5 -> "approved with suggestions";
      case -5 -> "waiting for author";
      case -10 -> "rejected";
      default -> "no vote";
    };
  }
}
