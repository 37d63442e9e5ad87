package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectionCheck;
import io.adoconnect.connect.PatTarget;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ado-connect connect pat}: test a Personal Access Token and save it only if it works. */
@Command(
    name = "pat",
    mixinStandardHelpOptions = true,
    description = {
      "Connect with a Personal Access Token, for Azure DevOps Services or Azure DevOps Server.",
      "The token is read from ADO_CONNECT_PAT, standard input, or a hidden prompt — never from an argument.",
      "It is tested first (who it belongs to, the projects and repositories it can read) and saved, encrypted, only if that works."
    },
    footer = {
      "",
      "Examples:",
      "  ado-connect connect pat --org fabrikam < token.txt",
      "  ado-connect connect pat --server https://tfs.example.com/tfs --collection DefaultCollection",
    })
public final class ConnectPatCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(
        names = "--org",
        paramLabel = "ORG",
        required = true,
        description =
            "An Azure DevOps Services organization (as in https://dev.azure.com/ORG); repeatable.")
    List<String> organizations;

    @ArgGroup(exclusive = false)
    Server server;
  }

  static final class Server {
    @Option(
        names = "--server",
        paramLabel = "URL",
        required = true,
        description = {
          "Azure DevOps Server URL without the collection, e.g. https://tfs.example.com/tfs;",
          "or, without --collection, a pasted collection or clone URL, e.g.",
          "https://tfs.example.com/tfs/DefaultCollection/Fabrikam/_git/web-app."
        })
    String url;

    @Option(
        names = "--collection",
        paramLabel = "NAME",
        description = "The collection, e.g. DefaultCollection (default: taken from --server).")
    String collection;
  }

  public ConnectPatCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    PatTarget where =
        target.server != null
            ? PatTarget.server(target.server.url, target.server.collection)
            : PatTarget.services(target.organizations);
    var pat = PatInput.read(ctx);
    try (AdoConnect ado = Commands.open(ctx, common)) {
      AdoConnect.Connected connected = ado.connectPat(where, pat);
      warnings(ctx, connected.checks());
      if (output.json) {
        Output.json(
            ctx.out(), Map.of("account", connected.account(), "checks", connected.checks()));
        return ExitCodes.OK;
      }
      for (ConnectionCheck check : connected.checks()) {
        ctx.out()
            .printf(
                "Connected %s as %s: %d projects, %d repositories (%s, REST %s).%n",
                check.url(),
                describeUser(check),
                check.projects(),
                check.repositories(),
                check.deployment(),
                check.apiVersion());
      }
      ctx.out()
          .printf(
              "Saved account %s (token encrypted). Next: ado-connect repos%n",
              connected.account().id());
      return ExitCodes.OK;
    }
  }

  /** A check's warning (a Server whose public URL is localhost) goes to stderr, JSON or not. */
  static void warnings(CliContext ctx, List<ConnectionCheck> checks) {
    for (ConnectionCheck check : checks) {
      if (check.warning() != null) {
        ctx.err().println("warning: " + check.warning());
      }
    }
  }

  static String describeUser(ConnectionCheck check) {
    if (check.user() == null) {
      return "an unnamed user";
    }
    return check.userAccount() == null || check.userAccount().equals(check.user())
        ? check.user()
        : check.user() + " <" + check.userAccount() + ">";
  }
}
