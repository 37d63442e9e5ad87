package io.adoconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.workitems.FieldValue;
import io.adoconnect.workitems.WorkItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ado-connect workitems get}: one work item's fields. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Show one work item's fields.")
final class WorkItemsGetCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG", description = "The organization or collection.")
  String organization;

  @Parameters(index = "1", paramLabel = "ID", description = "The work item id.")
  int id;

  @Option(names = "--fields", paramLabel = "A,B", description = "Only these fields.")
  String fieldList;

  WorkItemsGetCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<String> fields = FieldValue.names(fieldList);
    try (AdoConnect ado = Commands.open(ctx, common)) {
      WorkItem item =
          ado.organization(account.organization(organization)).workItems().get(id, fields);
      if (output.json) {
        Output.json(ctx.out(), item);
      } else {
        ctx.out().println("Work item " + item.id() + " (rev " + item.rev() + ")");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : item.fields().entrySet()) {
          rows.add(List.of(field.getKey(), WorkItemsCommand.text(field.getValue())));
        }
        Output.table(ctx.out(), List.of("FIELD", "VALUE"), rows);
      }
      return ExitCodes.OK;
    }
  }
}
