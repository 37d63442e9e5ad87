package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.git.Ref;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect branches ORG/PROJECT/REPO}: the branches of a repository and their commits.
 */
@Command(
    name = "branches",
    mixinStandardHelpOptions = true,
    description = "List the branches of a repository with the commit each points at.")
public final class BranchesCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(
      paramLabel = "ORG/PROJECT/REPO",
      description = "As listed by ado-connect repos; quote names with spaces.")
  String path;

  BranchesCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      List<Ref> branches = ado.repository(account.repository(path)).git().branches().toList();
      Output.list(
          ctx,
          output,
          branches,
          "The repository " + path + " has no branches yet.",
          List.of("BRANCH", "COMMIT"),
          b -> List.of(b.branch(), b.objectId()));
      return ExitCodes.OK;
    }
  }
}
