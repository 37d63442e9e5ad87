package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.InvalidInputException;
import io.adoconnect.builds.BuildLogLines;
import io.adoconnect.connect.ProjectHandle;
import io.adoconnect.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A build's logs: the list (one per step reached) and the lines of one, from a line or its tail.
 * The same core calls as the CLI's {@code builds logs}. Log lines are untrusted text: a build
 * prints commit messages, test names and whatever the code under test writes.
 */
final class BuildLogTools {
  static final int DEFAULT_LINES = 500;
  static final int MAX_LINES = 2_000;

  /** The most characters of log lines one answer carries; the rest comes with nextStartLine. */
  static final int MAX_CHARS = 60_000;

  private BuildLogTools() {}

  static List<McpTool> all() {
    return List.of(
        new McpTool(
            "list_build_logs",
            "List a build's logs",
            ToolSet.BUILDS,
            Effect.READ,
            "A build's logs, one per step it reached, in the order they ran, with their line counts.",
            Schema.project().integer("buildId", "The build id.", true),
            BuildLogTools::logs),
        new McpTool(
            "get_build_log",
            "Read a build log",
            ToolSet.BUILDS,
            Effect.READ,
            "Lines of one build log: from startLine (default 1), or its last lines with tail (where a failure usually shows). Long logs come in parts: call again with startLine = nextStartLine.",
            Schema.project()
                .integer("buildId", "The build id.", true)
                .integer("logId", "The log id (from list_build_logs).", true)
                .integer("startLine", "First line to read, from 1.", false)
                .integer(
                    "lines",
                    "How many lines, 1 to " + MAX_LINES + " (default " + DEFAULT_LINES + ").",
                    false)
                .integer(
                    "tail",
                    "Read the last this many lines instead (1 to " + MAX_LINES + ").",
                    false),
            BuildLogTools::lines));
  }

  private static Answer logs(ToolCall call) {
    ProjectHandle project = BuildTools.project(call);
    int buildId = call.args().integer("buildId");
    ObjectNode body = Where.body(Where.of(project));
    body.put("buildId", buildId);
    body.set("logs", Json.MAPPER.valueToTree(project.builds().logs(buildId)));
    return Answer.of(body);
  }

  private static Answer lines(ToolCall call) {
    ProjectHandle project = BuildTools.project(call);
    int buildId = call.args().integer("buildId");
    int logId = call.args().integer("logId");
    Optional<Integer> tail = call.args().optionalInteger("tail");
    int count = tail.orElseGet(() -> call.args().optionalInteger("lines").orElse(DEFAULT_LINES));
    if (count < 1 || count > MAX_LINES) {
      throw new InvalidInputException(
          "The number of lines must be between 1 and " + MAX_LINES + ".",
          "Ask for fewer lines and follow nextStartLine.");
    }
    BuildLogLines read =
        tail.isPresent()
            ? project.builds().tail(buildId, logId, count)
            : project
                .builds()
                .lines(buildId, logId, call.args().optionalInteger("startLine").orElse(1), count);
    List<String> kept = new ArrayList<>();
    int chars = 0;
    for (String line : read.lines()) {
      if (!kept.isEmpty() && chars + line.length() > MAX_CHARS) {
        break;
      }
      String bounded = line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS) : line;
      kept.add(bounded);
      chars += bounded.length();
    }
    boolean cut = kept.size() < read.lines().size();
    Integer next = cut ? Integer.valueOf(read.startLine() + kept.size()) : read.nextStartLine();
    ObjectNode body = Where.body(Where.of(project));
    body.put("buildId", buildId);
    body.set("log", Json.MAPPER.valueToTree(read.log()));
    body.put("startLine", read.startLine());
    body.set("lines", Json.MAPPER.valueToTree(kept));
    body.put("nextStartLine", next);
    Answer answer = Answer.of(body).untrusted("/lines/*");
    if (next != null) {
      answer.note(
          "Lines "
              + read.startLine()
              + " to "
              + (read.startLine() + kept.size() - 1)
              + " of "
              + read.log().lineCount()
              + (cut ? " (cut to stay under " + MAX_CHARS + " characters)" : "")
              + "; call again with startLine = nextStartLine for more.");
    }
    return answer;
  }
}
