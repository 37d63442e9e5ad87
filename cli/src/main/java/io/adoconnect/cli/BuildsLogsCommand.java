package io.adoconnect.cli;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.builds.BuildLog;
import io.adoconnect.builds.BuildLogLines;
import io.adoconnect.builds.ProjectBuilds;
import io.adoconnect.connect.AdoConnect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect builds logs}: what a build printed, step by step — every log in order, one
 * log, or the last lines of each (where a failure shows).
 */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Print a build's logs: every step's log in order, each under a ==> log N <== line.",
      "With --log N only that log, with --tail N the last N lines of each, with --list the logs"
          + " themselves."
    })
final class BuildsLogsCommand implements Callable<Integer> {
  /** Lines read per request: a long log streams out page by page instead of filling memory. */
  static final int PAGE = 5_000;

  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;
  @Mixin AccountOption account;

  @Parameters(index = "0", paramLabel = "ORG/PROJECT", description = "The project.")
  String path;

  @Parameters(index = "1", paramLabel = "ID", description = "The build id.")
  int id;

  @Option(names = "--log", paramLabel = "N", description = "Only this log (see --list).")
  Integer log;

  @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines of each log.")
  Integer tail;

  @Option(names = "--list", description = "List the logs (id, type, lines) instead.")
  boolean list;

  BuildsLogsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (tail != null && tail < 1) {
      throw new InvalidInputException(
          "--tail takes a number of lines of 1 or more.", NextStep.NONE);
    }
    try (AdoConnect ado = Commands.open(ctx, common)) {
      ProjectBuilds builds = ado.project(account.project(path)).builds();
      List<BuildLog> logs = builds.logs(id);
      if (list) {
        Output.list(
            ctx,
            output,
            logs,
            "Build " + id + " has no logs yet (it has not started).",
            List.of("ID", "TYPE", "LINES", "CHANGED"),
            l ->
                List.of(
                    Integer.toString(l.id()),
                    Output.orDash(l.type()),
                    Integer.toString(l.lineCount()),
                    Output.orDash(l.lastChangedOn())));
        return ExitCodes.OK;
      }
      List<Integer> wanted = log != null ? List.of(log) : logs.stream().map(BuildLog::id).toList();
      if (wanted.isEmpty()) {
        ctx.err().println("Build " + id + " has no logs yet (it has not started).");
        if (output.json) {
          Output.json(ctx.out(), List.of());
        }
        return ExitCodes.OK;
      }
      List<Map<String, Object>> json = new ArrayList<>();
      for (int logId : wanted) {
        List<String> lines = new ArrayList<>();
        BuildLogLines page =
            tail != null ? builds.tail(id, logId, tail) : builds.lines(id, logId, 1, PAGE);
        if (!output.json && log == null) {
          ctx.out().printf("==> log %d (%d lines) <==%n", logId, page.log().lineCount());
        }
        while (true) {
          if (output.json) {
            lines.addAll(page.lines());
          } else {
            page.lines().forEach(line -> ctx.out().println(Output.printable(line)));
          }
          if (tail != null || page.nextStartLine() == null) {
            break;
          }
          page = builds.lines(id, logId, page.nextStartLine(), PAGE);
        }
        if (output.json) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("log", page.log());
          entry.put("lines", lines);
          json.add(entry);
        }
      }
      if (output.json) {
        Output.json(ctx.out(), json);
      }
      return ExitCodes.OK;
    }
  }
}
