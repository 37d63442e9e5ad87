package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.workitems.Comment;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ado-connect workitems comments}: lists an item's comments. */
@Command(
    name = "comments",
    mixinStandardHelpOptions = true,
    description = "List the comments on a work item, newest first.")
final class WorkItemsCommentsCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The item's project.")
  String path;

  @Parameters(index = "1", paramLabel = "ID", description = "The work item id.")
  int id;

  WorkItemsCommentsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      List<Comment> comments = ado.project(account.project(path)).workItems().comments(id);
      Output.list(
          ctx,
          output,
          comments,
          "No comments on work item " + id + " yet.",
          List.of("ID", "AUTHOR", "CREATED", "TEXT"),
          c ->
              List.of(
                  Integer.toString(c.id()),
                  c.createdBy() == null ? "-" : Output.orDash(c.createdBy().displayName()),
                  Output.orDash(c.createdDate()),
                  c.text()));
      return ExitCodes.OK;
    }
  }
}
