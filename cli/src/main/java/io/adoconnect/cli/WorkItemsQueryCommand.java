package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.workitems.FieldValue;
import io.adoconnect.workitems.WorkItem;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ado-connect workitems query}: runs a WIQL query in a project. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = "Run a WIQL query and show the matching work items in its order.")
final class WorkItemsQueryCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(paramLabel = "ORG/PROJECT", description = "The project (@project in the query).")
  String path;

  @Option(
      names = "--wiql",
      required = true,
      paramLabel = "QUERY",
      description =
          "E.g. \"SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND"
              + " [System.State] = 'Active'\".")
  String wiql;

  @Option(
      names = "--fields",
      paramLabel = "A,B",
      description = "Fields to show (reference names or Title, State, …; default: the query's).")
  String fieldList;

  @Option(names = "--top", paramLabel = "N", description = "At most this many.")
  Integer top;

  WorkItemsQueryCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<String> fields = FieldValue.names(fieldList);
    try (AdoConnect ado = Commands.open(ctx, common)) {
      List<WorkItem> items =
          ado.project(account.project(path)).workItems().query(wiql, fields, top);
      Output.list(
          ctx,
          output,
          items,
          "No work items match.",
          all -> WorkItemsCommand.printColumns(ctx, all));
      return ExitCodes.OK;
    }
  }
}
