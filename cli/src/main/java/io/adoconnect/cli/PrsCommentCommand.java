package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.pullrequests.PostedComment;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect prs comment ORG/PROJECT/REPO …}: Comment on a pull request: a new thread, or a
 * reply in --thread N.
 */
@Command(
    name = "comment",
    mixinStandardHelpOptions = true,
    description = "Comment on a pull request: a new thread, or a reply in --thread N.")
final class PrsCommentCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
  String path;

  @Parameters(index = "1", paramLabel = "ID", description = "The pull request id.")
  int id;

  @Option(
      names = "--text",
      required = true,
      paramLabel = "TEXT",
      description = "The comment (Markdown).")
  String text;

  @Option(
      names = "--thread",
      paramLabel = "N",
      description = "Reply in this thread (ado-connect prs threads lists them).")
  Integer thread;

  PrsCommentCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      PostedComment posted =
          ado.repository(account.repository(path))
              .pullRequests()
              .comment(id, text, Optional.ofNullable(thread));
      if (output.json) {
        // As Azure DevOps answers: the new thread, or the reply.
        Output.json(ctx.out(), posted.startedThread() ? posted.thread() : posted.comment());
      } else if (posted.startedThread()) {
        ctx.out().printf("Started thread %d on pull request %d.%n", posted.threadId(), id);
      } else {
        ctx.out()
            .printf(
                "Replied in thread %d on pull request %d (comment %d).%n",
                posted.threadId(), id, posted.comment().id());
      }
      return ExitCodes.OK;
    }
  }
}
