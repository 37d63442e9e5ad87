package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.workitems.FieldValue;
import io.adoconnect.workitems.WorkItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect workitems update}: changes fields, guarded by the revision the caller read.
 */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = "Set fields on a work item (needs Work Items (Read & write)).")
final class WorkItemsUpdateCommand implements Callable<Integer> {
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

  WorkItemsUpdateCommand(CliContext ctx) {
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
