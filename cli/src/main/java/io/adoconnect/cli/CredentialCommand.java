package io.adoconnect.cli;

import io.adoconnect.AdoConnectException;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.store.Owner;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ado-connect credential get|store|erase}: Git's credential helper, and {@code setup},
 * {@code bind}, {@code unbind}, {@code bindings} around it. Git runs {@code get}/{@code
 * store}/{@code erase} itself once {@code setup} has configured it.
 */
@Command(
    name = "credential",
    mixinStandardHelpOptions = true,
    description = {
      "Git's credential helper: hands Git a fresh token of the connected account for each Azure"
          + " DevOps URL, never written to disk or to Git's config.",
      "Run 'ado-connect credential setup' once; Git then calls get, store and erase itself.",
    },
    subcommands = {
      CredentialGetCommand.class,
      CredentialStoreCommand.class,
      CredentialEraseCommand.class,
      CredentialSetupCommand.class,
      CredentialBindCommand.class,
      CredentialUnbindCommand.class,
      CredentialBindingsCommand.class,
    })
public final class CredentialCommand extends SubcommandRequired {
  static final String OWNER = "--owner";

  /**
   * Before the action, as the helper line Git runs puts it: {@code credential --data-dir D get}.
   */
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where accounts are kept (default: $ADO_CONNECT_HOME or ~/.ado-connect); setup writes"
              + " it into the helper line.")
  Path dataDir;

  /**
   * Whose accounts answer: the service's helper line for a team deployment's end user's clones
   * names them ({@link Owner#key()}); the local owner otherwise.
   */
  @Option(names = OWNER, hidden = true, paramLabel = "APPLICATION/END_USER")
  String owner;

  /** The data directory: the subcommand's {@code --data-dir}, else this one's, else the default. */
  Path dataDir(CliContext ctx, CommonOptions common) {
    return common.dataDir == null && dataDir != null ? dataDir : common.dataDir(ctx);
  }

  AdoConnect open(CliContext ctx, CommonOptions common) {
    return AdoConnect.open(
        ConnectSettings.fromEnvironment(
            dataDir(ctx, common), ctx.env(), new RetryNotices(ctx.err())),
        owner == null ? Owner.LOCAL : Owner.ofKey(owner));
  }

  /**
   * Why no credential was given, on stderr, which Git shows as it is: prefixed, since it appears
   * among Git's own lines.
   */
  static void report(CliContext ctx, AdoConnectException refused) {
    ctx.err().println("ado-connect: error: " + Output.printable(refused.getMessage()));
    String hint = NextStepCommand.hint(refused.nextStep());
    if (hint != null) {
      ctx.err().println("ado-connect: hint: " + Output.printable(hint));
    }
  }
}
