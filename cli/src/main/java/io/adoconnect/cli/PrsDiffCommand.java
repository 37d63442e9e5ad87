package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.pullrequests.DiffLimits;
import io.adoconnect.pullrequests.FileDiff;
import io.adoconnect.pullrequests.PullRequestDiff;
import io.adoconnect.pullrequests.RepositoryPullRequests;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect prs diff ORG/PROJECT/REPO ID}: what a pull request changes, as a unified diff
 * against the merge base (what {@code git diff} prints), or the changed files with {@code --stat}.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a pull request changes, as a unified diff against the merge base of its branches"
          + " (its latest push).",
      "With --stat only the changed files and their added and removed lines; with --path only"
          + " those files."
    })
final class PrsDiffCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT/REPO", description = "The repository.")
  String path;

  @Parameters(index = "1", paramLabel = "ID", description = "The pull request id.")
  int id;

  @Option(names = "--stat", description = "Only the changed files, with lines added and removed.")
  boolean stat;

  @Option(
      names = "--path",
      paramLabel = "FILE",
      description = "Only this file (from the repository root); repeat for more.")
  List<String> paths = List.of();

  @Option(
      names = "--max-files",
      paramLabel = "N",
      description = "Diff at most this many files (default ${DEFAULT-VALUE}).")
  int maxFiles = DiffLimits.DEFAULT.maxFiles();

  PrsDiffCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      RepositoryPullRequests prs = ado.repository(account.repository(path)).pullRequests();
      DiffLimits limits =
          new DiffLimits(
              maxFiles, DiffLimits.DEFAULT.maxFileBytes(), DiffLimits.DEFAULT.maxPatchLines());
      PullRequestDiff diff = prs.diff(id, Set.copyOf(paths), limits);
      if (output.json) {
        Output.json(ctx.out(), diff);
      } else if (stat) {
        Output.table(
            ctx.out(),
            List.of("CHANGE", "ADDED", "REMOVED", "FILE"),
            diff.files().stream()
                .map(
                    f ->
                        List.of(
                            f.changeType(),
                            f.binary() ? "-" : Integer.toString(f.linesAdded()),
                            f.binary() ? "-" : Integer.toString(f.linesRemoved()),
                            f.originalPath() == null
                                ? f.path()
                                : f.originalPath() + " → " + f.path()))
                .toList());
      } else {
        // Upstream text, printed without the terminal's control characters (a planted escape
        // sequence must not rewrite the screen).
        diff.unified().lines().forEach(line -> ctx.out().println(Output.printable(line, true)));
      }
      if (diff.files().isEmpty()) {
        ctx.err()
            .println(
                paths.isEmpty()
                    ? "Pull request " + id + " changes no files."
                    : "Pull request " + id + " changes none of the files given.");
      }
      if (diff.note() != null) {
        ctx.err().println("note: " + diff.note());
      }
      for (FileDiff file : diff.files()) {
        if (file.note() != null && !file.binary() && !stat && !output.json) {
          ctx.err().println("note: " + file.path() + ": " + file.note());
        }
      }
      return ExitCodes.OK;
    }
  }
}
