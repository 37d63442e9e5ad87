package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.workitems.FieldValue;
import io.adoconnect.workitems.WorkItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ado-connect workitems create}: a new work item. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create a work item (needs Work Items (Read & write)).")
final class WorkItemsCreateCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(paramLabel = "ORG/PROJECT", description = "The project.")
  String path;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "TYPE",
      description = "Bug, Task, \"User Story\", … (as the project's process names them).")
  String type;

  @Option(names = "--title", required = true, paramLabel = "TEXT", description = "The title.")
  String title;

  @Option(
      names = "--field",
      paramLabel = "K=V",
      description = "More fields, e.g. --field Priority=1 --field System.Tags=ui (repeatable).")
  List<String> assignments = new ArrayList<>();

  WorkItemsCreateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<FieldValue> fields = FieldValue.parseAll(assignments);
    try (AdoConnect ado = Commands.open(ctx, common)) {
      WorkItem item = ado.project(account.project(path)).workItems().create(type, title, fields);
      if (output.json) {
        Output.json(ctx.out(), item);
      } else {
        ctx.out()
            .println(
                "Created "
                    + item.type()
                    + " "
                    + item.id()
                    + " (rev "
                    + item.rev()
                    + "): "
                    + item.title());
      }
      return ExitCodes.OK;
    }
  }
}
