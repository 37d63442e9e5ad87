package io.adoconnect.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Repository;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pull request's changed files and unified diff, bounded with a note; patches untrusted. */
class PullRequestDiffToolsTest extends McpTestBase {

  @Test
  void showsTheChangedFilesAndTheUnifiedDiff() {
    Repository repo = repositories("org-001").get(0);
    int id =
        ok(kit.call(
                McpPolicy.everything(),
                "create_pull_request",
                at(
                    "org-001",
                    repo,
                    "sourceBranch",
                    "feature/login-page",
                    "targetBranch",
                    "main",
                    "title",
                    "Login page")))
            .path("pullRequest")
            .path("pullRequestId")
            .asInt();

    JsonNode changes =
        ok(
            kit.call(
                McpPolicy.readOnly(),
                "get_pull_request_changes",
                at("org-001", repo, "pullRequestId", id)));
    assertThat(changes.path("files").findValuesAsText("path")).contains("/CHANGES.md");

    CallToolResult diff =
        kit.call(
            McpPolicy.readOnly(),
            "get_pull_request_diff",
            at("org-001", repo, "pullRequestId", id, "paths", List.of("/CHANGES.md")));
    JsonNode structured = ok(diff);
    assertThat(structured.path("files")).hasSize(1);
    assertThat(structured.path("files").get(0).path("patch").asText()).contains("+++ b/CHANGES.md");
    assertThat(McpKit.text(diff))
        .startsWith("Text between <data-")
        .containsPattern("\"patch\" : \"<data-[0-9a-f]{24}>");
    assertThat(structured.path("where").path("repository").asText()).isEqualTo(repo.name());

    if (changes.path("files").size() > 1) {
      JsonNode one =
          ok(
              kit.call(
                  McpPolicy.readOnly(),
                  "get_pull_request_diff",
                  at("org-001", repo, "pullRequestId", id, "maxFiles", 1)));
      assertThat(one.path("files")).hasSize(1);
      assertThat(one.path("notes").toString()).contains("1 of");
    }
  }
}
