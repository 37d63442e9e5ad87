package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.store.Account;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ado-connect connect browser}: sign in with Microsoft in a browser on this machine. */
@Command(
    name = "browser",
    mixinStandardHelpOptions = true,
    description = {
      "Sign in with Microsoft (Entra ID) in a browser on this machine: authorization code with PKCE,",
      "answered on a one-time port of 127.0.0.1. For tenants whose Conditional Access blocks the device code flow."
    })
public final class ConnectBrowserCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @Option(names = "--no-open", description = "Only print the sign-in link; don't start a browser.")
  boolean noOpen;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description = "How long to wait for the sign-in (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  public ConnectBrowserCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      Account account =
          ado.connectBrowser(
              uri -> {
                ctx.err().println("Sign in at: " + uri);
                if (!noOpen && !ctx.browser().test(uri)) {
                  ctx.err().println("(Could not open a browser here; open the link yourself.)");
                }
                ctx.err().println("Waiting for the browser to come back…");
              },
              Duration.ofSeconds(timeoutSeconds));
      if (output.json) {
        Output.json(ctx.out(), Map.of("account", account));
      } else {
        ctx.out()
            .printf(
                "Connected as %s in tenant %s; organizations: %s.%nSaved account %s. Next: ado-connect repos%n",
                Output.orDash(account.displayName()),
                account.tenantId(),
                String.join(", ", account.organizations()),
                account.id());
      }
      return ExitCodes.OK;
    }
  }
}
