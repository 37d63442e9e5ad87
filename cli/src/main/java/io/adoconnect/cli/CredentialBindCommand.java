package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.store.GitBinding;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ado-connect credential bind ORG ACCOUNT}: which account Git uses for an organization
 * several connected accounts reach (Git Credential Manager's {@code azure-repos bind}).
 */
@Command(
    name = "bind",
    mixinStandardHelpOptions = true,
    description = "Use ACCOUNT's credentials for Git in ORG when several accounts reach it.")
final class CredentialBindCommand implements Callable<Integer> {
  private final CliContext ctx;

  @ParentCommand CredentialCommand parent;
  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @Parameters(index = "0", paramLabel = "ORG", description = "Organization or Server collection.")
  String organization;

  @Parameters(index = "1", paramLabel = "ACCOUNT", description = "The account id (see accounts).")
  String accountId;

  CredentialBindCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = parent.open(ctx, common)) {
      GitBinding binding = ado.gitCredentials().bind(organization, accountId);
      if (output.json) {
        Output.json(ctx.out(), binding);
        return ExitCodes.OK;
      }
      ctx.out()
          .printf(
              "Git uses account %s for %s (%s).%n",
              binding.accountId(), binding.organization(), binding.host());
      return ExitCodes.OK;
    }
  }
}
