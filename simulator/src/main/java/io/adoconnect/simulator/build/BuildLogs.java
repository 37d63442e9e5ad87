package io.adoconnect.simulator.build;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A build's logs, as {@code GET builds/{id}/logs} lists them and {@code GET builds/{id}/logs/{n}}
 * returns one: one log per step the build has reached (none while {@code notStarted}; initialize
 * and checkout once it runs; the script step and finalize when it completes, failing when the build
 * fails). Lines carry the agent's timestamp prefix and {@code ##[section]} markers as Azure
 * Pipelines writes them; the script step echoes the queued variables, so a test can plant text in a
 * log.
 */
final class BuildLogs {
  private BuildLogs() {}

  /** The logs of {@code build} in order; log ids start at 1. */
  static List<List<String>> of(QueuedBuild build) {
    List<List<String>> logs = new ArrayList<>();
    if (build.status().equals("notStarted")) {
      return logs;
    }
    Instant start = build.plannedStart();
    logs.add(
        stamped(
            start,
            "##[section]Starting: Initialize job",
            "Agent name: 'Azure Pipelines 2'",
            "Agent machine name: 'fv-az123-456'",
            "Current agent version: '4.248.0'",
            "Operating System",
            "Ubuntu 24.04 LTS",
            "##[section]Finishing: Initialize job"));
    logs.add(
        stamped(
            start,
            "##[section]Starting: Checkout " + build.definition().repository().name(),
            "Syncing repository: " + build.definition().repository().name() + " (Azure Repos Git)",
            "git checkout --progress --force " + build.sourceVersion(),
            "HEAD is now at " + build.sourceVersion().substring(0, 7) + " " + build.sourceBranch(),
            "##[section]Finishing: Checkout " + build.definition().repository().name()));
    if (!build.completed()) {
      return logs;
    }
    Instant end = build.plannedFinish();
    List<String> script = new ArrayList<>();
    script.add("##[section]Starting: Build " + build.definition().name());
    script.add("Variables: " + (build.parameters() == null ? "{}" : build.parameters()));
    script.add("Building " + build.buildNumber() + " of " + build.sourceBranch());
    if (build.fails()) {
      script.add("##[error]Bash exited with code '1'.");
    } else {
      script.add("Build succeeded.");
    }
    script.add("##[section]Finishing: Build " + build.definition().name());
    logs.add(stamped(end, script.toArray(String[]::new)));
    logs.add(
        stamped(
            end,
            "##[section]Starting: Finalize Job",
            "Cleaning up task key",
            "##[section]Finishing: Finalize Job"));
    return logs;
  }

  /** {@code {count, value: [BuildLog]}}: the list of logs with their line counts. */
  static Response list(QueuedBuild build, String buildUrl) {
    List<List<String>> logs = of(build);
    ObjectNode body = Json.object();
    body.put("count", logs.size());
    ArrayNode value = body.putArray("value");
    for (int i = 0; i < logs.size(); i++) {
      ObjectNode log = value.addObject();
      log.put("lineCount", logs.get(i).size());
      log.put("createdOn", Json.timestamp(build.plannedStart()));
      log.put(
          "lastChangedOn",
          Json.timestamp(build.completed() ? build.plannedFinish() : build.plannedStart()));
      log.put("id", i + 1);
      log.put("type", "Container");
      log.put("url", buildUrl + "/logs/" + (i + 1));
    }
    return Json.ok(body);
  }

  /**
   * One log's lines {@code startLine..endLine} (1-based, inclusive, either may be absent): as text
   * for {@code Accept: text/plain}, otherwise {@code {count, value: ["line", …]}}.
   */
  static Response one(List<String> log, Integer startLine, Integer endLine, boolean text) {
    int from = Math.max(1, startLine == null ? 1 : startLine);
    int to = Math.min(log.size(), endLine == null ? log.size() : endLine);
    List<String> lines = from > to ? List.of() : log.subList(from - 1, to);
    if (text) {
      return new Response(
          200,
          Map.of("Content-Type", "text/plain; charset=utf-8"),
          String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
    }
    ObjectNode body = Json.object();
    body.put("count", lines.size());
    ArrayNode value = body.putArray("value");
    lines.forEach(value::add);
    return Json.ok(body);
  }

  private static List<String> stamped(Instant at, String... lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(Json.timestamp(at) + " " + line);
    }
    return out;
  }
}
