package io.adoconnect.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.build.BuildDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A build's logs: listed, read from a line in parts, its tail; lines are untrusted text. */
class BuildLogToolsTest extends McpTestBase {

  @Test
  void readsABuildLogInPartsAndItsTail() {
    BuildDefinition d =
        simulator
            .buildDefinitions(simulator.dataset().organization("org-001").orElseThrow())
            .get(0);
    Map<String, Object> project = Map.of("organization", "org-001", "project", d.project().name());
    JsonNode queued =
        ok(kit.call(McpPolicy.everything(), "queue_build", with(project, "definition", d.name())));
    int buildId = queued.path("build").path("id").asInt();
    simulator.completeBuilds();

    JsonNode logs =
        ok(kit.call(McpPolicy.readOnly(), "list_build_logs", with(project, "buildId", buildId)));
    assertThat(logs.path("logs")).isNotEmpty();
    JsonNode longest = logs.path("logs").get(0);
    for (JsonNode log : logs.path("logs")) {
      if (log.path("lineCount").asInt() > longest.path("lineCount").asInt()) {
        longest = log;
      }
    }
    int logId = longest.path("id").asInt();
    int lineCount = longest.path("lineCount").asInt();
    assertThat(lineCount).as("a log with several lines").isGreaterThan(1);

    Map<String, Object> first =
        with(with(with(project, "buildId", buildId), "logId", logId), "lines", 1);
    var part = kit.call(McpPolicy.readOnly(), "get_build_log", first);
    JsonNode one = ok(part);
    assertThat(one.path("lines")).hasSize(1);
    assertThat(one.path("nextStartLine").asInt()).isEqualTo(2);
    assertThat(McpKit.text(part)).startsWith("Text between <data-");

    JsonNode tail =
        ok(
            kit.call(
                McpPolicy.readOnly(),
                "get_build_log",
                with(with(with(project, "buildId", buildId), "logId", logId), "tail", 1)));
    assertThat(tail.path("startLine").asInt()).isEqualTo(lineCount);
    assertThat(tail.path("nextStartLine").isNull()).isTrue();
  }

  private static Map<String, Object> with(Map<String, Object> args, String key, Object value) {
    Map<String, Object> more = new java.util.HashMap<>(args);
    more.put(key, value);
    return more;
  }
}
