package io.adoconnect.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Repositories across two tenants and a Server, paged with cursors that can't be forged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoryToolsTest {
  private Simulator simulator;
  private McpKit kit;

  @BeforeAll
  void start(@TempDir Path dir) {
    simulator = Simulator.start(SimulatorConfig.defaults());
    kit = new McpKit(simulator, dir).connectThree();
  }

  @AfterAll
  void stop() {
    kit.close();
    simulator.close();
  }

  @Test
  void listsRepositoriesOfAllThreePagedWithCursors() {
    List<JsonNode> all = new ArrayList<>();
    Map<String, Object> args = new HashMap<>(Map.of("limit", 7));
    int pages = 0;
    while (true) {
      CallToolResult page = kit.call(McpPolicy.readOnly(), "list_repositories", args);
      assertThat(page.isError()).as(McpKit.text(page)).isFalse();
      JsonNode body = McpKit.structured(page);
      body.path("repositories").forEach(all::add);
      pages++;
      if (body.path("nextCursor").isNull()) {
        break;
      }
      args.put("cursor", body.path("nextCursor").asText());
    }
    Set<String> organizations = new HashSet<>();
    all.forEach(r -> organizations.add(r.path("organization").asText()));
    assertThat(organizations).containsExactlyInAnyOrder("org-001", "org-002", "DefaultCollection");
    assertThat(pages).as("more than one page").isGreaterThan(1);
    assertThat(all).extracting(r -> r.path("id").asText()).doesNotHaveDuplicates();
    assertThat(all)
        .allSatisfy(r -> assertThat(r.path("organizationUrl").asText()).startsWith("http"));
  }
}
