package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ado-connect accounts}: the connected accounts, public fields only. */
@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    description = "List connected accounts.")
public final class AccountsCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  private static String status(Account account) {
    return account.status() == AccountStatus.RECONNECT_NEEDED ? "reconnect needed" : "connected";
  }

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
        ctx.err()
            .println(
                "No accounts connected. Connect one: ado-connect connect device, or ado-connect connect pat --org ORG");
      } else {
        Output.table(
            ctx.out(),
            List.of("ID", "METHOD", "HOST", "USER", "ORGANIZATIONS", "STATUS"),
            accounts.stream()
                .map(
                    a ->
                        List.of(
                            a.id(),
                            a.method().wireName(),
                            a.host(),
                            Output.orDash(a.displayName()),
                            String.join(",", a.organizations()),
                            status(a)))
                .toList());
        accounts.stream()
            .filter(a -> a.status() == AccountStatus.RECONNECT_NEEDED)
            .forEach(
                a ->
                    ctx.err()
                        .printf(
                            "Account %s needs you to sign in again: ado-connect disconnect %s, then ado-connect connect device.%n",
                            a.id(), a.id()));
      }
      return ExitCodes.OK;
    }
  }
}
