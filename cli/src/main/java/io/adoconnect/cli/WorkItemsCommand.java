package io.adoconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.workitems.WorkItem;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ado-connect workitems query|get|create|update|comment|comments}: work item tracking. */
@Command(
    name = "workitems",
    mixinStandardHelpOptions = true,
    description = "Query, read, create and update work items (needs the Work Items scope).",
    subcommands = {
      WorkItemsQueryCommand.class,
      WorkItemsGetCommand.class,
      WorkItemsCreateCommand.class,
      WorkItemsUpdateCommand.class,
      WorkItemsCommentCommand.class,
      WorkItemsCommentsCommand.class
    })
public final class WorkItemsCommand extends SubcommandRequired {

  static String text(JsonNode value) {
    if (value == null || value.isNull()) {
      return "-";
    }
    return value.isObject() ? value.path("displayName").asText("-") : value.asText();
  }

  /** A column per field the items have, in the order they first appear, after the id. */
  static void printColumns(CliContext ctx, List<WorkItem> items) {
    List<String> columns = new ArrayList<>();
    for (WorkItem item : items) {
      item.fields().keySet().stream()
          .filter(f -> !f.equals("System.Id") && !columns.contains(f))
          .forEach(columns::add);
    }
    List<String> header = new ArrayList<>(List.of("ID"));
    columns.forEach(c -> header.add(c.substring(c.lastIndexOf('.') + 1).toUpperCase()));
    Output.table(
        ctx.out(),
        header,
        items.stream()
            .map(
                item -> {
                  List<String> row = new ArrayList<>(List.of(Integer.toString(item.id())));
                  columns.forEach(c -> row.add(text(item.fields().get(c))));
                  return row;
                })
            .toList());
  }
}
