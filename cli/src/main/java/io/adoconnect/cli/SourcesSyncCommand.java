package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.SourceSync;
import io.adoconnect.connect.SourceView;
import io.adoconnect.connect.SyncOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ado-connect sources sync [--dir DIR]}: clones every source (or fetches it), several at a
 * time, Git getting its credentials from {@code ado-connect credential}; prints what changed per
 * source.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description =
        "Clone every source into DIR/ORG/PROJECT/REPO, or fetch it when cloned; report what"
            + " changed. Git gets fresh tokens from ado-connect's credential helper.")
final class SourcesSyncCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Where the clones live (default: $ADO_CONNECT_SOURCES_DIR, else the data directory's"
              + " sources/).")
  Path dir;

  SourcesSyncCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Path dataDir = common.dataDir(ctx);
    Path directory =
        (dir != null ? dir : SourcesDirectory.of(ctx.env(), dataDir, false)).toAbsolutePath();
    try (AdoConnect ado = Commands.open(ctx, common)) {
      int total = ado.sources().size();
      if (total == 0) {
        ctx.err()
            .println("No sources to sync. Add one first: ado-connect sources add ORG/PROJECT/REPO");
        return ExitCodes.OK;
      }
      AtomicInteger done = new AtomicInteger();
      ctx.err().printf("Syncing %d source%s into %s…%n", total, total == 1 ? "" : "s", directory);
      List<SyncOutcome> outcomes =
          ado.syncSources(
              directory,
              HelperLine.of(dataDir),
              ctx.env(),
              new SourceSync.Listener() {
                @Override
                public void finished(SyncOutcome outcome) {
                  ctx.err()
                      .printf(
                          "[%d/%d] %s: %s%n",
                          done.incrementAndGet(),
                          total,
                          outcome.source().path(),
                          outcome
                              .kind()
                              .name()
                              .toLowerCase(java.util.Locale.ROOT)
                              .replace('_', ' '));
                }
              });
      if (output.json) {
        Output.json(ctx.out(), outcomes);
      } else {
        outcomes.forEach(this::print);
      }
      return outcomes.stream().anyMatch(o -> o.kind() == SyncOutcome.Kind.FAILED)
          ? ExitCodes.FAILURE
          : ExitCodes.OK;
    }
  }

  private void print(SyncOutcome outcome) {
    SourceView source = outcome.source();
    switch (outcome.kind()) {
      case CLONED ->
          ctx.out()
              .printf(
                  "%s: cloned into %s (%d refs)%n",
                  source.path(), outcome.directory(), outcome.changes().size());
      case UP_TO_DATE -> ctx.out().printf("%s: up to date%n", source.path());
      case FETCHED -> {
        ctx.out().printf("%s: fetched%n", source.path());
        outcome
            .changes()
            .forEach(
                c ->
                    ctx.out()
                        .printf(
                            "  %s %s%n",
                            c.ref(),
                            c.oldId() == null
                                ? "new at " + shortId(c.newId())
                                : c.newId() == null
                                    ? "deleted (was " + shortId(c.oldId()) + ")"
                                    : shortId(c.oldId()) + ".." + shortId(c.newId())));
      }
      case NOT_REFRESHED ->
          ctx.out()
              .printf(
                  "%s: not refreshed. %s%n      Run: ado-connect accounts, then connect %s again.%n",
                  source.path(), outcome.problem(), source.organization());
      case FAILED ->
          ctx.out().printf("%s: FAILED. %s%n", source.path(), Output.printable(outcome.problem()));
    }
  }

  private static String shortId(String id) {
    return id.length() > 7 ? id.substring(0, 7) : id;
  }
}
