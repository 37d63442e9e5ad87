package io.adoconnect.cli;

import io.adoconnect.AdoConnectException;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.GitCredential;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ado-connect credential get}: answers Git with {@code username} and {@code password} for
 * the URL it sends; nothing for a URL that is not Azure DevOps; {@code quit=1} (so Git stops
 * instead of prompting) with the reason on stderr when the URL is Azure DevOps but no credential
 * can be given — also for a repository that is not a source when {@code
 * ADO_CONNECT_GIT_SOURCES_ONLY=true}.
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Git's 'get': reads the URL's attributes on stdin, prints the credential.")
final class CredentialGetCommand implements Callable<Integer> {
  private final CliContext ctx;

  @ParentCommand CredentialCommand parent;
  @Mixin CommonOptions common;

  /**
   * Set to {@code true}, Git gets credentials for sources only (read where Git runs the helper).
   */
  static final String SOURCES_ONLY = "ADO_CONNECT_GIT_SOURCES_ONLY";

  CredentialGetCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  static boolean sourcesOnly(CliContext ctx) {
    return "true".equalsIgnoreCase(ctx.env().getOrDefault(SOURCES_ONLY, "").strip());
  }

  @Override
  public Integer call() {
    GitCredentialProtocol.Request request = GitCredentialProtocol.read(ctx.in());
    try (AdoConnect ado = parent.open(ctx, common)) {
      Optional<GitCredential> credential =
          ado.gitCredentials().sourcesOnly(sourcesOnly(ctx)).get(request.query());
      if (credential.isPresent()) {
        ctx.out()
            .print("username=" + GitCredentialProtocol.value(credential.get().username()) + "\n");
        ctx.out()
            .print(
                "password="
                    + GitCredentialProtocol.value(credential.get().password().reveal())
                    + "\n");
      }
      ctx.out().flush();
      return ExitCodes.OK;
    } catch (AdoConnectException refused) {
      ctx.out().print("quit=1\n");
      ctx.out().flush();
      CredentialCommand.report(ctx, refused);
      return ExitCodes.of(refused);
    }
  }
}
