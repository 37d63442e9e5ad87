package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.pullrequests.Comment;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect prs threads ORG/PROJECT/REPO …}: List the comment threads of a pull request
 * (Azure DevOps' own notes included).
 */
@Command(
    name = "threads",
    mixinStandardHelpOptions = true,
    description = "List the comment threads of a pull request (Azure DevOps' own notes included).")
final class PrsThreadsCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
  String path;

  @Parameters(index = "1", paramLabel = "ID", description = "The pull request id.")
  int id;

  PrsThreadsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      List<io.adoconnect.pullrequests.Thread> threads =
          ado.repository(account.repository(path)).pullRequests().threads(id);
      Output.list(
          ctx,
          output,
          threads,
          "No comments on pull request " + id + " yet.",
          all -> {
            for (io.adoconnect.pullrequests.Thread thread : all) {
              ctx.out()
                  .printf(
                      "Thread %d (%s)%n",
                      thread.id(), thread.isSystem() ? "system" : Output.orDash(thread.status()));
              for (Comment c : thread.comments()) {
                ctx.out()
                    .printf(
                        "  %s%s: %s%n",
                        c.parentCommentId() == 0 ? "" : "↳ ",
                        c.author() == null ? "-" : c.author().displayName(),
                        c.isDeleted() ? "(deleted)" : Output.orDash(c.content()));
              }
            }
          });
      return ExitCodes.OK;
    }
  }
}
