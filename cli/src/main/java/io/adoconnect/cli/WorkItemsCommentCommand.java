package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.workitems.Comment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ado-connect workitems comment}: adds a comment. */
@Command(
    name = "comment",
    mixinStandardHelpOptions = true,
    description = "Add a comment to a work item (needs Work Items (Read & write)).")
final class WorkItemsCommentCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The item's project.")
  String path;

  @Parameters(index = "1", paramLabel = "ID", description = "The work item id.")
  int id;

  @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The comment.")
  String text;

  WorkItemsCommentCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      Comment comment = ado.project(account.project(path)).workItems().comment(id, text);
      if (output.json) {
        Output.json(ctx.out(), comment);
      } else {
        ctx.out().println("Added comment " + comment.id() + " to work item " + id + ".");
      }
      return ExitCodes.OK;
    }
  }
}
