package io.adoconnect.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code ado-connect credential store}: Git reports a credential that worked. ado-connect keeps its
 * tokens itself, so Git's copy is read and dropped, never written anywhere.
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = "Git's 'store': reads and drops the credential (ado-connect keeps its own).")
final class CredentialStoreCommand implements Callable<Integer> {
  private final CliContext ctx;

  CredentialStoreCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    GitCredentialProtocol.read(ctx.in());
    return ExitCodes.OK;
  }
}
