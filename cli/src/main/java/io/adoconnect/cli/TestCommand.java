package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectionCheck;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ado-connect test ACCOUNT}: re-checks a saved connection with its stored credential. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = "Re-check a saved connection.")
public final class TestCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @Parameters(paramLabel = "ACCOUNT", description = "The account id (see ado-connect accounts).")
  String accountId;

  public TestCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      List<ConnectionCheck> checks = ado.test(accountId);
      ConnectPatCommand.warnings(ctx, checks);
      if (output.json) {
        Output.json(ctx.out(), checks);
        return ExitCodes.OK;
      }
      for (ConnectionCheck check : checks) {
        if (check.skipped() != null) {
          ctx.out().printf("SKIPPED %s: %s%n", check.url(), check.skipped());
          continue;
        }
        ctx.out()
            .printf(
                "OK %s as %s: %d projects, %d repositories (%s, REST %s).%n",
                check.url(),
                ConnectPatCommand.describeUser(check),
                check.projects(),
                check.repositories(),
                check.deployment(),
                check.apiVersion());
      }
      return ExitCodes.OK;
    }
  }
}
