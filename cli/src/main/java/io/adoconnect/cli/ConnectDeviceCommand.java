package io.adoconnect.cli;

import io.adoconnect.AuthenticationException;
import io.adoconnect.NextStep;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.DeviceFlowView;
import io.adoconnect.store.Account;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ado-connect connect device}: sign in with Microsoft using a code entered in any browser.
 */
@Command(
    name = "device",
    mixinStandardHelpOptions = true,
    description = {
      "Sign in with Microsoft (Entra ID) using the device code flow: open the link on any device, enter the code, approve.",
      "Tokens are encrypted with a key held by the OS keychain (or ADO_CONNECT_KEY_FILE) and renewed automatically.",
      "If interrupted, run it again to continue with the same code while it is valid."
    })
public final class ConnectDeviceCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @Option(names = "--open", description = "Open the verification page in the default browser.")
  boolean open;

  @Option(
      names = "--new",
      description = "Start over with a new code instead of resuming a pending sign-in.")
  boolean fresh;

  public ConnectDeviceCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      DeviceFlowView flow =
          fresh ? ado.startDevice() : ado.resumableDevice().orElseGet(ado::startDevice);
      ctx.err()
          .printf(
              "To sign in, open %s and enter the code %s (valid until %s).%n",
              flow.verificationUri(), flow.userCode(), TIME.format(flow.expiresAt()));
      if (open && !ctx.browser().test(URI.create(flow.verificationUri()))) {
        ctx.err().println("(Could not open a browser here; open the link yourself.)");
      }
      ctx.err()
          .println(
              "Waiting for you to approve… (Ctrl-C stops; running this again resumes with the same code)");
      ctx.err().println("state: " + flow.state());
      DeviceFlowView done =
          ado.awaitDevice(
              flow.flowId(), change -> ctx.err().println("state: " + change.state()), () -> false);
      return finish(done);
    }
  }

  private int finish(DeviceFlowView done) {
    switch (done.state()) {
      case "authorized" -> {
        Account account = done.account();
        if (output.json) {
          Output.json(ctx.out(), Map.of("account", account));
        } else {
          ctx.out()
              .printf(
                  "Connected as %s%s in tenant %s; organizations: %s.%n",
                  Output.orDash(account.displayName()),
                  account.email() == null ? "" : " <" + account.email() + ">",
                  account.tenantId(),
                  String.join(", ", account.organizations()));
          ctx.out()
              .printf(
                  "Saved account %s (tokens encrypted, renewed automatically). Next: ado-connect repos%n",
                  account.id());
        }
        return ExitCodes.OK;
      }
      case "denied" ->
          throw new AuthenticationException(
              "The sign-in was declined.",
              NextStep.of(
                  NextStep.Action.START_SIGN_IN,
                  "When you sign in again, approve every requested permission. If your organization"
                      + " enforces Conditional Access policies, an administrator may need to allow the app"
                      + " registration."));
      default ->
          throw new AuthenticationException(
              "The device code expired before the sign-in was approved.",
              NextStep.of(
                  NextStep.Action.START_SIGN_IN,
                  "The code is short-lived: get a new one, then approve it promptly."));
    }
  }
}
