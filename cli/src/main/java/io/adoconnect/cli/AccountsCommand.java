package io.adoconnect.cli;

import io.adoconnect.connect.AccountPermissions;
import io.adoconnect.connect.AccountView;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ado-connect accounts}: the connected accounts, public fields only, with what each may do
 * (a Microsoft sign-in's granted scopes).
 */
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

  /** {@code all}, the granted permissions, or {@code token's} for a PAT (Azure DevOps knows). */
  private static String scopes(AccountPermissions permissions) {
    return switch (permissions.kind()) {
      case "all" -> "all";
      case "scopes" ->
          String.join(
              ",", permissions.scopes().stream().map(AccountPermissions.Scope::id).toList());
      default -> "token's";
    };
  }

  public AccountsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      List<AccountView> views = ado.accountViews();
      List<Account> accounts = views.stream().map(AccountView::account).toList();
      if (output.json) {
        Output.json(ctx.out(), views);
      } else if (accounts.isEmpty()) {
        ctx.err()
            .println(
                "No accounts connected. Connect one: ado-connect connect device, or ado-connect connect pat --org ORG");
      } else {
        Output.table(
            ctx.out(),
            List.of("ID", "METHOD", "HOST", "USER", "ORGANIZATIONS", "STATUS", "SCOPES"),
            views.stream()
                .map(
                    v ->
                        List.of(
                            v.account().id(),
                            v.account().method().wireName(),
                            v.account().host(),
                            Output.orDash(v.account().displayName()),
                            String.join(",", v.account().organizations()),
                            status(v.account()),
                            scopes(v.permissions())))
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
