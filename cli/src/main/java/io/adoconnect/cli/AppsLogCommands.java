package io.adoconnect.cli;

import io.adoconnect.connect.Applications;
import io.adoconnect.store.WebhookMessage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect apps deliveries} and {@code apps audit}: an application's logs — how its
 * webhook messages were delivered, and what it did for its end users — newest first. Operator
 * commands, like the rest of {@code apps}.
 */
final class AppsLogCommands {
  private AppsLogCommands() {}

  @Command(
      name = "deliveries",
      mixinStandardHelpOptions = true,
      description =
          "An application's webhook messages, newest first: type, end user, attempts, the last"
              + " answer, and whether it arrived.")
  static final class Deliveries implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(paramLabel = "APP", description = "The application id.")
    String application;

    @Mixin NewestFirstOption newest;

    Deliveries(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Applications apps = AppsCommand.open(ctx, common)) {
        List<WebhookMessage> messages = apps.deliveries(application, newest.limit);
        Output.list(
            ctx,
            output,
            messages,
            "No webhook messages for this application yet.",
            List.of("ID", "TYPE", "END USER", "STATE", "ATTEMPTS", "LAST", "CREATED"),
            m ->
                List.of(
                    m.id(),
                    m.type(),
                    m.endUser(),
                    m.state(),
                    Integer.toString(m.attempts()),
                    m.lastStatus() != null
                        ? m.lastStatus().toString()
                        : Output.orDash(m.lastError()),
                    m.createdAt().toString()));
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description =
          "What an application did for its end users, newest first: every state-changing call,"
              + " how it came (its API key or the end user's connect-link page) and what it"
              + " answered.")
  static final class Audit implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(paramLabel = "APP", description = "The application id.")
    String application;

    @Mixin NewestFirstOption newest;

    Audit(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Applications apps = AppsCommand.open(ctx, common)) {
        Output.list(
            ctx,
            output,
            apps.audit(application, newest.limit),
            "Nothing audited for this application yet.",
            List.of("AT", "END USER", "VIA", "ACTION", "STATUS", "PATH"),
            e ->
                List.of(
                    e.at().toString(),
                    e.endUser(),
                    e.via(),
                    e.action(),
                    Integer.toString(e.status()),
                    e.target()));
        return ExitCodes.OK;
      }
    }
  }
}
