package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.RefParser;
import io.adoconnect.connect.RepositoryRef;
import io.adoconnect.connect.SourceView;
import io.adoconnect.store.HookSubscriptionRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect sources add|list|remove}: the repositories picked for your tools to work on.
 */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = "Manage sources: the repositories your tools work on.",
    subcommands = {
      SourcesCommand.Add.class,
      SourcesCommand.ListSources.class,
      SourcesCommand.Remove.class,
      SourcesSyncCommand.class
    })
public final class SourcesCommand extends SubcommandRequired {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a repository as a source (it is checked first).")
  static final class Add implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(
        paramLabel = "ORG/PROJECT/REPO",
        description = "As listed by ado-connect repos; quote names with spaces.")
    String path;

    @Option(
        names = "--account",
        paramLabel = "ID",
        description = "The account to use (default: the one for ORG).")
    String account;

    @Option(
        names = "--subscribe",
        description =
            "Also subscribe to its events (pushes, pull requests, builds), delivered to"
                + " $ADO_CONNECT_PUBLIC_URL or --receiver-url. Asked (y/N) when interactive and a"
                + " receiver URL is known.")
    Boolean subscribe;

    @Option(
        names = "--receiver-url",
        paramLabel = "URL",
        description = "With --subscribe: the public address of ado-connect serve.")
    String receiverUrl;

    Add(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        AdoConnect.AddedSource added = ado.addSource(RefParser.repository(path, account));
        SourceView source = added.source();
        List<HookSubscriptionRecord> hooks =
            wantsSubscription()
                ? ado.subscribe(
                    new RepositoryRef(
                        source.organization(),
                        source.project(),
                        source.repository(),
                        source.accountId()),
                    List.of(),
                    HooksCommand.receiver(ctx, receiverUrl))
                : List.of();
        if (output.json) {
          Output.json(
              ctx.out(), subscribe == null && hooks.isEmpty() ? source : new Added(source, hooks));
        } else {
          ctx.out()
              .printf(
                  "%s %s (id %s)%n  clone: %s%n",
                  added.created() ? "Added source" : "Already a source:",
                  source.path(),
                  source.id(),
                  source.cloneUrl());
          if (!hooks.isEmpty()) {
            ctx.out()
                .printf(
                    "  subscribed to: %s%n",
                    String.join(
                        ", ", hooks.stream().map(HookSubscriptionRecord::eventType).toList()));
          }
        }
        return ExitCodes.OK;
      }
    }

    /**
     * The source and the subscriptions made for it, for {@code --json} with {@code --subscribe}.
     */
    record Added(SourceView source, List<HookSubscriptionRecord> subscriptions) {}

    /** The flag when given; else y/N when a person is there and a receiver is known. */
    private boolean wantsSubscription() {
      if (subscribe != null) {
        return subscribe;
      }
      if (!ctx.interactive() || (receiverUrl == null && HooksCommand.publicUrl(ctx).isEmpty())) {
        return false;
      }
      ctx.err().print("Subscribe to its pushes, pull requests and builds? [y/N] ");
      ctx.err().flush();
      try {
        String answer =
            new java.io.BufferedReader(
                    new java.io.InputStreamReader(
                        ctx.in(), java.nio.charset.StandardCharsets.UTF_8))
                .readLine();
        return answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
      } catch (java.io.IOException e) {
        return false;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List sources.")
  static final class ListSources implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    ListSources(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        List<SourceView> sources = ado.sources();
        Output.list(
            ctx,
            output,
            sources,
            "No sources yet. Add one: ado-connect sources add ORG/PROJECT/REPO",
            List.of("ID", "SOURCE", "STATUS", "LAST CHANGED", "CLONE URL"),
            s ->
                List.of(
                    s.id(),
                    s.path(),
                    s.status(),
                    Output.orDash(s.lastChanged()),
                    Output.orDash(s.cloneUrl())));
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a source (the repository is not touched).")
  static final class Remove implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(
        paramLabel = "ID|ORG/PROJECT/REPO",
        description = "The source id or path (see ado-connect sources list).")
    String source;

    Remove(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        SourceView removed =
            RefParser.isPath(source)
                ? ado.removeSource(RefParser.repository(source, null))
                : ado.removeSource(source);
        if (output.json) {
          Output.json(ctx.out(), removed);
        } else {
          ctx.out().printf("Removed source %s (id %s).%n", removed.path(), removed.id());
        }
        return ExitCodes.OK;
      }
    }
  }
}
