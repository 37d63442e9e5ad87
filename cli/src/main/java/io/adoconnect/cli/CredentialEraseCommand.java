package io.adoconnect.cli;

import io.adoconnect.AdoConnectException;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.GitCredentials;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ado-connect credential erase}: Git says Azure DevOps refused the password it got. An Entra
 * token is renewed at once, so the next Git command works; a refused PAT is reported with what to
 * do (and its account marked), so Git's "Authentication failed" comes with the cure.
 */
@Command(
    name = "erase",
    mixinStandardHelpOptions = true,
    description = "Git's 'erase': the credential was refused; renew it or say what to do.")
final class CredentialEraseCommand implements Callable<Integer> {
  private final CliContext ctx;

  @ParentCommand CredentialCommand parent;
  @Mixin CommonOptions common;

  CredentialEraseCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    GitCredentialProtocol.Request request = GitCredentialProtocol.read(ctx.in());
    try (AdoConnect ado = parent.open(ctx, common)) {
      GitCredentials.Erased erased =
          ado.gitCredentials().erase(request.query(), request.password());
      switch (erased) {
        case RENEWED ->
            ctx.err()
                .println(
                    "ado-connect: Azure DevOps refused the sign-in token; it has been renewed."
                        + " Run the Git command again.");
        case STILL_VALID ->
            ctx.err()
                .println(
                    "ado-connect: the token still works for the organization, but Azure DevOps"
                        + " refused it for this repository: the token may lack Code (Read & write)"
                        + " or your account access to the repository.");
        case NOT_OURS -> {}
      }
      return ExitCodes.OK;
    } catch (AdoConnectException refused) {
      CredentialCommand.report(ctx, refused);
      return ExitCodes.of(refused);
    }
  }
}
