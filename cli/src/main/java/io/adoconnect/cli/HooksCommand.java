package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.RefParser;
import io.adoconnect.store.HookSubscriptionRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ado-connect hooks subscribe|list|delete}: Azure DevOps service hook subscriptions. */
@Command(
    name = "hooks",
    mixinStandardHelpOptions = true,
    description = "Subscribe to Azure DevOps events (pushes, pull requests, builds).",
    subcommands = {
      HooksCommand.Subscribe.class,
      HooksCommand.ListHooks.class,
      HooksCommand.Delete.class
    })
public final class HooksCommand extends SubcommandRequired {
  static final String PUBLIC_URL = "ADO_CONNECT_PUBLIC_URL";

  /** {@code ADO_CONNECT_PUBLIC_URL}: where Azure DevOps reaches {@code ado-connect serve}. */
  static Optional<String> publicUrl(CliContext ctx) {
    return Optional.ofNullable(ctx.env().get(PUBLIC_URL))
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }

  /** Where Azure DevOps is to deliver: {@code --receiver-url}, else {@code $PUBLIC_URL}. */
  static String receiver(CliContext ctx, String receiverUrl) {
    String receiver = receiverOrFail(ctx, receiverUrl);
    if (plainHttpBeyondThisMachine(receiver)) {
      ctx.err()
          .println(
              "warning: "
                  + receiver
                  + " is plain HTTP: each delivery's password would cross the network"
                  + " unencrypted, and Azure DevOps refuses to deliver with a password over"
                  + " plain HTTP. Put TLS in front of ado-connect serve and give its https:// URL.");
    }
    return receiver;
  }

  /** http:// to anything but this machine (loopback is fine for a local test). */
  static boolean plainHttpBeyondThisMachine(String url) {
    try {
      java.net.URI uri = java.net.URI.create(url);
      return "http".equalsIgnoreCase(uri.getScheme())
          && uri.getHost() != null
          && !io.adoconnect.http.network.NoProxy.isLoopback(uri.getHost());
    } catch (IllegalArgumentException e) {
      return false; // core refuses a malformed receiver URL with its own error
    }
  }

  private static String receiverOrFail(CliContext ctx, String receiverUrl) {
    return Optional.ofNullable(receiverUrl)
        .or(() -> publicUrl(ctx))
        .orElseThrow(
            () ->
                new io.adoconnect.InvalidInputException(
                    "No receiver URL: Azure DevOps delivers events to ado-connect's service, and"
                        + " ado-connect doesn't know its address.",
                    "Start ado-connect serve where Azure DevOps can reach it, then pass its"
                        + " public URL with --receiver-url URL (or set "
                        + PUBLIC_URL
                        + ")."));
  }

  static void print(CliContext ctx, List<HookSubscriptionRecord> subscriptions) {
    Output.table(
        ctx.out(),
        List.of("ID", "EVENT", "ON", "AZURE DEVOPS ID", "RECEIVER"),
        subscriptions.stream()
            .map(
                s ->
                    List.of(
                        s.id(),
                        s.eventType(),
                        s.path(),
                        Output.orDash(s.remoteId()),
                        s.receiverUrl()))
            .toList());
  }

  @Command(
      name = "subscribe",
      mixinStandardHelpOptions = true,
      description =
          "Subscribe a project or repository: one Azure DevOps subscription per event type, each"
              + " delivering to ado-connect serve with its own generated password (never shown).")
  static final class Subscribe implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(
        paramLabel = "ORG/PROJECT[/REPO]",
        description = "Without REPO, every repository of the project.")
    String path;

    @Option(
        names = "--event",
        paramLabel = "TYPE",
        description =
            "git.push, git.pullrequest.created, git.pullrequest.updated or build.complete;"
                + " git.repo.created, git.repo.deleted or git.repo.renamed (per project: they keep"
                + " the service's repository listing fresh); repeat for several (default: the first"
                + " four).")
    List<String> events;

    @Option(
        names = "--receiver-url",
        paramLabel = "URL",
        description = "The public address of ado-connect serve (default: $" + PUBLIC_URL + ").")
    String receiverUrl;

    Subscribe(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        String receiver = receiver(ctx, receiverUrl);
        List<String> types = events == null ? List.of() : events;
        // A subscription is for a whole project or for one repository in it.
        List<HookSubscriptionRecord> made =
            RefParser.namesRepository(path)
                ? ado.subscribe(account.repository(path), types, receiver)
                : ado.subscribe(account.project(path), types, receiver);
        if (output.json) {
          Output.json(ctx.out(), made);
        } else {
          print(ctx, made);
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the subscriptions ado-connect made.")
  static final class ListHooks implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    ListHooks(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        List<HookSubscriptionRecord> all = ado.subscriptions();
        Output.list(
            ctx,
            output,
            all,
            "No subscriptions yet. Make one: ado-connect hooks subscribe ORG/PROJECT/REPO",
            subscriptions -> print(ctx, subscriptions));
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a subscription in Azure DevOps and here.")
  static final class Delete implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(paramLabel = "ID", description = "As listed by ado-connect hooks list.")
    String id;

    Delete(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        HookSubscriptionRecord removed = ado.unsubscribe(id);
        if (output.json) {
          Output.json(ctx.out(), Map.of("deleted", removed));
        } else {
          ctx.out()
              .printf(
                  "Deleted subscription %s (%s on %s).%n",
                  removed.id(), removed.eventType(), removed.path());
        }
        return ExitCodes.OK;
      }
    }
  }
}
