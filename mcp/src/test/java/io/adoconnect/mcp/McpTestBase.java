package io.adoconnect.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Repository;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One simulator and one core instance with three connections per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class McpTestBase {
  protected Simulator simulator;
  protected McpKit kit;

  @BeforeAll
  void start(@TempDir Path dir) {
    simulator = Simulator.start(SimulatorConfig.defaults());
    kit = new McpKit(simulator, dir).connectThree();
  }

  @AfterAll
  void stop() {
    if (kit != null) {
      kit.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  /** The cloneable repositories of {@code organization}, in dataset order. */
  protected List<Repository> repositories(String organization) {
    return simulator.dataset().organization(organization).orElseThrow().repositories().stream()
        .filter(Repository::cloneable)
        .toList();
  }

  /**
   * {@code organization}, {@code project}, {@code repository} of {@code repo}, plus {@code more}.
   */
  protected static Map<String, Object> at(String organization, Repository repo, Object... more) {
    java.util.Map<String, Object> args = new java.util.HashMap<>();
    args.put("organization", organization);
    args.put("project", repo.project().name());
    args.put("repository", repo.name());
    for (int i = 0; i < more.length; i += 2) {
      args.put((String) more[i], more[i + 1]);
    }
    return args;
  }

  protected static JsonNode ok(CallToolResult result) {
    assertThat(result.isError()).as(McpKit.text(result)).isFalse();
    return McpKit.structured(result);
  }

  protected static String refused(CallToolResult result) {
    assertThat(result.isError()).as(McpKit.text(result)).isTrue();
    return McpKit.text(result);
  }
}
