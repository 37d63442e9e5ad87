package io.adoconnect.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Repository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code list_files}: a folder at a branch, children or everything beneath, paged by cursor. */
class ListFilesToolTest extends McpTestBase {

  @Test
  void listsTheRootsChildrenNamingWhereItActs() {
    Repository repo = repositories("org-002").get(0);
    JsonNode root = ok(kit.call(McpPolicy.readOnly(), "list_files", at("org-002", repo)));

    assertThat(root.path("path").asText()).isEqualTo("/");
    assertThat(root.path("items"))
        .extracting(i -> i.path("path").asText() + " " + i.path("type").asText())
        .containsExactly("/README.md file", "/src folder");
    assertThat(root.path("where").path("organization").asText()).isEqualTo("org-002");
    assertThat(root.path("where").path("repository").asText()).isEqualTo(repo.name());
    assertThat(root.path("total").asInt()).isEqualTo(2);
  }

  @Test
  void recursiveOnABranchPagesThroughEverythingBeneath() {
    Repository repo = repositories("org-001").get(0);
    Map<String, Object> args =
        at("org-001", repo, "branch", "feature/search", "recursive", true, "limit", 3);
    List<String> paths = new ArrayList<>();
    int pages = 0;
    while (true) {
      JsonNode page = ok(kit.call(McpPolicy.readOnly(), "list_files", args));
      page.path("items").forEach(i -> paths.add(i.path("path").asText()));
      pages++;
      if (page.path("nextCursor").isNull()) {
        break;
      }
      args.put("cursor", page.path("nextCursor").asText());
    }
    assertThat(pages).isEqualTo(2);
    assertThat(paths).containsExactly("/CHANGES.md", "/README.md", "/src", "/src/hello.txt");
  }

  @Test
  void aMissingFolderIsRefusedNamingIt() {
    Repository repo = repositories("org-001").get(0);
    String refusal =
        refused(kit.call(McpPolicy.readOnly(), "list_files", at("org-001", repo, "path", "nope")));
    assertThat(refusal).contains("'nope'").contains("was not found");
  }

  @Test
  void isReadOnlyAndInTheCodeSet() {
    McpTool tool =
        AdoConnectMcp.allTools().stream()
            .filter(t -> t.name().equals("list_files"))
            .findFirst()
            .orElseThrow();
    assertThat(tool.set()).isEqualTo(ToolSet.CODE);
    assertThat(tool.toSchema().annotations().readOnlyHint()).isTrue();
    assertThat(AdoConnectMcp.toolNames(McpPolicy.readOnly())).contains("list_files");
  }
}
