package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.store.Account;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ado-connect disconnect ACCOUNT}: deletes the account and its secrets; sources stay. */
@Command(
    name = "disconnect",
    mixinStandardHelpOptions = true,
    description =
        "Delete a connected account and its stored credentials. Its sources stay, shown as disconnected.")
public final class DisconnectCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @Parameters(paramLabel = "ACCOUNT", description = "The account id (see ado-connect accounts).")
  String accountId;

  public DisconnectCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      Account removed = ado.disconnect(accountId);
      if (output.json) {
        Output.json(ctx.out(), Map.of("disconnected", removed));
      } else {
        ctx.out()
            .printf(
                "Disconnected %s (%s); its stored credentials are deleted.%nSources from it stay, marked disconnected. A PAT stays valid in Azure DevOps until you revoke it there.%n",
                removed.id(), String.join(",", removed.organizations()));
      }
      return ExitCodes.OK;
    }
  }
}
