package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.store.GitBinding;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ado-connect credential bindings}: the organizations bound to an account for Git. */
@Command(
    name = "bindings",
    mixinStandardHelpOptions = true,
    description = "List which account Git uses for organizations several accounts reach.")
final class CredentialBindingsCommand implements Callable<Integer> {
  private final CliContext ctx;

  @ParentCommand CredentialCommand parent;
  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  CredentialBindingsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = parent.open(ctx, common)) {
      List<GitBinding> bindings = ado.gitCredentials().bindings();
      if (output.json) {
        Output.json(ctx.out(), bindings);
      } else if (bindings.isEmpty()) {
        ctx.out().println("No Git bindings.");
      } else {
        bindings.forEach(
            b ->
                ctx.out()
                    .printf("%s  %s  account %s%n", b.organization(), b.host(), b.accountId()));
      }
      return ExitCodes.OK;
    }
  }
}
