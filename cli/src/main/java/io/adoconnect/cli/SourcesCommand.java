package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.SourceView;
import java.util.List;
import java.util.Optional;
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
      SourcesCommand.Remove.class
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

    Add(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        SourceView source = ado.addSource(path, Optional.ofNullable(account));
        if (output.json) {
          Output.json(ctx.out(), source);
        } else {
          ctx.out()
              .printf(
                  "Added source %s (id %s)%n  clone: %s%n",
                  source.path(), source.id(), source.cloneUrl());
        }
        return ExitCodes.OK;
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
        if (output.json) {
          Output.json(ctx.out(), sources);
        } else if (sources.isEmpty()) {
          ctx.err().println("No sources yet. Add one: ado-connect sources add ORG/PROJECT/REPO");
        } else {
          Output.table(
              ctx.out(),
              List.of("ID", "SOURCE", "STATUS", "CLONE URL"),
              sources.stream()
                  .map(s -> List.of(s.id(), s.path(), s.status(), s.cloneUrl()))
                  .toList());
        }
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
        SourceView removed = ado.removeSource(source);
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
