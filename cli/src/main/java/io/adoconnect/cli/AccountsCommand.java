package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.store.Account;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ado-connect accounts}: the connected accounts, public fields only. */
@Command(name = "accounts", mixinStandardHelpOptions = true, description = "List connected accounts.")
public final class AccountsCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  public AccountsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      List<Account> accounts = ado.accounts();
      if (output.json) {
        Output.json(ctx.out(), accounts);
      } else if (accounts.isEmpty()) {
        ctx.err().println("No accounts connected. Connect one: ado-connect connect pat --org ORGANIZATION");
      } else {
        Output.table(ctx.out(), List.of("ID", "METHOD", "HOST", "USER", "ORGANIZATIONS", "CONNECTED"),
            accounts.stream()
                .map(a -> List.of(a.id(), a.method().name().toLowerCase(Locale.ROOT), a.host(), Output.orDash(a.displayName()),
                    String.join(",", a.organizations()), a.connectedAt().toString()))
                .toList());
      }
      return ExitCodes.OK;
    }
  }
}
