package io.adoconnect.cli;

import io.adoconnect.LocalNotFoundException;
import io.adoconnect.NextStep;
import io.adoconnect.connect.AdoConnect;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ado-connect credential unbind ORG}: removes the organization's Git binding. */
@Command(
    name = "unbind",
    mixinStandardHelpOptions = true,
    description = "Remove the Git binding of ORG.")
final class CredentialUnbindCommand implements Callable<Integer> {
  private final CliContext ctx;

  @ParentCommand CredentialCommand parent;
  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @Parameters(paramLabel = "ORG", description = "Organization or Server collection.")
  String organization;

  CredentialUnbindCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = parent.open(ctx, common)) {
      if (ado.gitCredentials().unbind(organization) == 0) {
        throw new LocalNotFoundException(
            "No Git binding for '" + organization + "'.",
            NextStep.advice("List them with the bindings command of the credential helper."));
      }
      if (output.json) {
        Output.json(ctx.out(), java.util.Map.of("organization", organization, "removed", true));
      } else {
        ctx.out().printf("Removed the Git binding of %s.%n", organization);
      }
      return ExitCodes.OK;
    }
  }
}
