package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.Target;
import io.adoconnect.pullrequests.Comment;
import io.adoconnect.pullrequests.PullRequestsClient;
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
      Target t = ado.repository(path);
      PullRequestsClient prs = new PullRequestsClient(t.http());
      if (thread == null) {
        io.adoconnect.pullrequests.Thread created =
            prs.createThread(t.org(), t.project(), t.repository(), id, text);
        if (output.json) {
          Output.json(ctx.out(), created);
        } else {
          ctx.out().printf("Started thread %d on pull request %d.%n", created.id(), id);
        }
      } else {
        Comment reply = prs.reply(t.org(), t.project(), t.repository(), id, thread, text);
        if (output.json) {
          Output.json(ctx.out(), reply);
        } else {
          ctx.out()
              .printf(
                  "Replied in thread %d on pull request %d (comment %d).%n",
                  thread, id, reply.id());
        }
      }
      return ExitCodes.OK;
    }
  }
}
