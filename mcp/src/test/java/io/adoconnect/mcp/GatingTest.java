package io.adoconnect.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Repository;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Write tools are off unless allowed, tool sets can be chosen, and a refusal says what was refused
 * and why, as a tool error (never a stack trace).
 */
class GatingTest extends McpTestBase {

  @Test
  void readOnlyListsNoWriteToolAndEveryListedToolSaysItOnlyReads() {
    List<String> names = AdoConnectMcp.toolNames(McpPolicy.readOnly());
    assertThat(names)
        .contains("list_repositories", "get_file", "get_pull_request", "query_work_items")
        .doesNotContain("queue_build", "create_pull_request", "update_work_item");
    for (McpTool tool : AdoConnectMcp.allTools()) {
      Tool schema = tool.toSchema();
      assertThat(schema.annotations().readOnlyHint())
          .as(tool.name())
          .isEqualTo(!tool.effect().writes());
      assertThat(names.contains(tool.name())).as(tool.name()).isEqualTo(!tool.effect().writes());
    }
  }

  @Test
  void writeAnnotationsAreTruthful() {
    Map<String, Tool> tools =
        AdoConnectMcp.allTools().stream()
            .collect(java.util.stream.Collectors.toMap(McpTool::name, McpTool::toSchema));
    // Adds something each time: neither destructive nor idempotent.
    for (String adds :
        List.of(
            "queue_build",
            "run_pipeline",
            "create_pull_request",
            "comment_pull_request",
            "reply_pull_request",
            "create_work_item",
            "comment_work_item")) {
      assertThat(tools.get(adds).annotations().destructiveHint()).as(adds).isFalse();
      assertThat(tools.get(adds).annotations().idempotentHint()).as(adds).isFalse();
    }
    // Overwrites or merges: destructive.
    for (String overwrites :
        List.of("update_pull_request", "complete_pull_request", "update_work_item")) {
      assertThat(tools.get(overwrites).annotations().destructiveHint()).as(overwrites).isTrue();
    }
  }

  @Test
  void aWriteToolIsRefusedWhileWritesAreOffAndNothingIsQueued() {
    Repository repo = repositories("org-001").get(0);
    var definition =
        simulator
            .buildDefinitions(simulator.dataset().organization("org-001").orElseThrow())
            .get(0);
    Map<String, Object> args =
        Map.of(
            "organization", "org-001",
            "project", definition.project().name(),
            "definition", definition.name());
    long before = simulator.requestCount();

    String refusal = refused(kit.call(McpPolicy.readOnly(), "queue_build", args));

    assertThat(refusal).contains("queue_build").contains("write tools are off");
    assertThat(refusal).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(simulator.requestCount()).as("nothing reached Azure DevOps").isEqualTo(before);
    assertThat(repo).isNotNull();

    JsonNode queued = ok(kit.call(McpPolicy.everything(), "queue_build", args));
    assertThat(queued.path("build").path("id").asInt()).isPositive();
    assertThat(queued.path("where").path("organization").asText()).isEqualTo("org-001");
    assertThat(queued.path("where").path("organizationUrl").asText()).endsWith("/org-001");
  }

  @Test
  void aToolSetNotOfferedIsRefused() {
    McpPolicy codeOnly = McpPolicy.readOnly().withToolSets(Set.of(ToolSet.CODE));
    assertThat(AdoConnectMcp.toolNames(codeOnly))
        .containsExactly("list_branches", "get_file", "list_files", "get_commit_statuses");

    String refusal = refused(kit.call(codeOnly, "list_repositories", Map.of()));
    assertThat(refusal).contains("list_repositories").contains("'repositories'");
  }

  @Test
  void eachCallerIsShownOnlyWhatTheDeploymentAndTheirGrantBothAllow() {
    McpCallers readsCode =
        McpCallers.fixed(
            new McpCaller(kit.ado, McpPolicy.readOnly().withToolSets(Set.of(ToolSet.CODE))));
    McpCallers none =
        context -> {
          throw new McpRefusal("no caller", null);
        };
    McpPolicy deployment = McpPolicy.everything();
    Map<String, McpTool> tools =
        AdoConnectMcp.allTools().stream()
            .collect(java.util.stream.Collectors.toMap(McpTool::name, t -> t));
    var context = io.modelcontextprotocol.common.McpTransportContext.EMPTY;

    assertThat(AdoConnectMcp.visible(tools.get("get_file"), readsCode, deployment, context))
        .isTrue();
    assertThat(AdoConnectMcp.visible(tools.get("queue_build"), readsCode, deployment, context))
        .isFalse();
    assertThat(
            AdoConnectMcp.visible(tools.get("list_repositories"), readsCode, deployment, context))
        .isFalse();
    assertThat(AdoConnectMcp.visible(tools.get("get_file"), none, deployment, context)).isFalse();
    // A grant can't lift the deployment's switch: writes stay off.
    McpCallers writer = McpCallers.fixed(new McpCaller(kit.ado, McpPolicy.everything()));
    assertThat(
            AdoConnectMcp.visible(tools.get("queue_build"), writer, McpPolicy.readOnly(), context))
        .isFalse();
  }

  @Test
  void aCoreErrorBecomesARefusalWithItsNextStep() {
    String refusal =
        refused(
            kit.call(
                McpPolicy.readOnly(),
                "list_branches",
                Map.of("organization", "org-404", "project", "p", "repository", "r")));
    assertThat(refusal)
        .contains("org-404")
        .doesNotContain("\tat ")
        .doesNotContain("ado-connect connect");
  }

  @Test
  void aMissingArgumentIsNamed() {
    String refusal =
        refused(kit.call(McpPolicy.readOnly(), "get_file", Map.of("organization", "org-001")));
    assertThat(refusal).contains("'project'");
  }
}
