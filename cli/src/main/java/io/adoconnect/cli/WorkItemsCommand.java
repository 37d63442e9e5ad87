package io.adoconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.workitems.Comment;
import io.adoconnect.workitems.FieldValue;
import io.adoconnect.workitems.WorkItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ado-connect workitems query|get|create|update|comment|comments}: work item tracking. */
@Command(
    name = "workitems",
    mixinStandardHelpOptions = true,
    description = "Query, read, create and update work items (needs the Work Items scope).",
    subcommands = {
      WorkItemsCommand.Query.class,
      WorkItemsCommand.Get.class,
      WorkItemsCommand.Create.class,
      WorkItemsCommand.Update.class,
      WorkItemsCommand.AddComment.class,
      WorkItemsCommand.Comments.class
    })
public final class WorkItemsCommand extends SubcommandRequired {

  private static String text(JsonNode value) {
    if (value == null || value.isNull()) {
      return "-";
    }
    return value.isObject() ? value.path("displayName").asText("-") : value.asText();
  }

  /** A column per field the items have, in the order they first appear, after the id. */
  private static void printColumns(CliContext ctx, List<WorkItem> items) {
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

  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      description = "Run a WIQL query and show the matching work items in its order.")
  static final class Query implements Callable<Integer> {
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

    Query(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      List<String> fields = FieldValue.names(fieldList);
      try (AdoConnect ado = Commands.open(ctx, common)) {
        List<WorkItem> items =
            ado.project(account.project(path)).workItems().query(wiql, fields, top);
        Output.list(ctx, output, items, "No work items match.", all -> printColumns(ctx, all));
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Show one work item's fields.")
  static final class Get implements Callable<Integer> {
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

    Get(CliContext ctx) {
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
            rows.add(List.of(field.getKey(), text(field.getValue())));
          }
          Output.table(ctx.out(), List.of("FIELD", "VALUE"), rows);
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a work item (needs Work Items (Read & write)).")
  static final class Create implements Callable<Integer> {
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

    Create(CliContext ctx) {
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

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Set fields on a work item (needs Work Items (Read & write)).")
  static final class Update implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG", description = "The organization or collection.")
    String organization;

    @Parameters(index = "1", paramLabel = "ID", description = "The work item id.")
    int id;

    @Option(
        names = "--field",
        required = true,
        paramLabel = "K=V",
        description = "A field to set, e.g. State=Active; an empty value clears it (repeatable).")
    List<String> assignments = new ArrayList<>();

    @Option(
        names = "--expect-rev",
        paramLabel = "N",
        description = "Only if the item is still at this revision (nobody changed it since).")
    Integer expectRev;

    Update(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      List<FieldValue> fields = FieldValue.parseAll(assignments);
      try (AdoConnect ado = Commands.open(ctx, common)) {
        WorkItem item =
            ado.organization(account.organization(organization))
                .workItems()
                .update(id, fields, Optional.ofNullable(expectRev));
        if (output.json) {
          Output.json(ctx.out(), item);
        } else {
          ctx.out().println("Updated work item " + item.id() + " to rev " + item.rev() + ".");
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "comment",
      mixinStandardHelpOptions = true,
      description = "Add a comment to a work item (needs Work Items (Read & write)).")
  static final class AddComment implements Callable<Integer> {
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

    AddComment(CliContext ctx) {
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

  @Command(
      name = "comments",
      mixinStandardHelpOptions = true,
      description = "List the comments on a work item, newest first.")
  static final class Comments implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The item's project.")
    String path;

    @Parameters(index = "1", paramLabel = "ID", description = "The work item id.")
    int id;

    Comments(CliContext ctx) {
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
}
