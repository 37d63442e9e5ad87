package io.adoconnect.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.connect.RepositoryRef;
import io.adoconnect.simulator.data.Repository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sources-only mode: every tool reaches only the repositories added as sources and their projects;
 * anything else is refused, saying what and why, before any call about it reaches Azure DevOps.
 */
class SourcesOnlyTest extends McpTestBase {
  private static final McpPolicy CONFINED = McpPolicy.everything().withSourcesOnly(true);
  private Repository source;
  private Repository sameProjectOther;
  private Repository otherProject;

  @BeforeAll
  void addOneSource() {
    List<Repository> repos = repositories("org-001");
    source = repos.get(0);
    sameProjectOther =
        repos.stream()
            .filter(r -> r.project().equals(source.project()) && !r.equals(source))
            .findFirst()
            .orElseThrow();
    otherProject =
        repos.stream().filter(r -> !r.project().equals(source.project())).findFirst().orElseThrow();
    kit.ado.addSource(RepositoryRef.of("org-001", source.project().name(), source.name()));
  }

  @Test
  void readsAFileOfASource() {
    JsonNode file = ok(kit.call(CONFINED, "get_file", at("org-001", source, "path", "/README.md")));
    assertThat(file.path("content").asText()).contains(source.name());
    assertThat(file.path("where").path("repository").asText()).isEqualTo(source.name());
  }

  @Test
  void refusesAnotherRepositoryEvenInTheSourcesProject() {
    String refusal =
        refused(
            kit.call(CONFINED, "get_file", at("org-001", sameProjectOther, "path", "/README.md")));
    assertThat(refusal)
        .contains("Refused")
        .contains(sameProjectOther.name())
        .contains("sources-only");
    // Unconfined, the same call works: the refusal is the mode's, not Azure DevOps'.
    ok(
        kit.call(
            McpPolicy.readOnly(),
            "get_file",
            at("org-001", sameProjectOther, "path", "/README.md")));
  }

  @Test
  void refusesAProjectScopedCallOutsideTheSourcesProjects() {
    String refusal =
        refused(
            kit.call(
                CONFINED,
                "list_builds",
                Map.of("organization", "org-001", "project", otherProject.project().name())));
    assertThat(refusal).contains(otherProject.project().name()).contains("sources-only");
    ok(
        kit.call(
            CONFINED,
            "list_builds",
            Map.of("organization", "org-001", "project", source.project().name())));
  }

  @Test
  void listsOnlyTheSources() {
    JsonNode listed = ok(kit.call(CONFINED, "list_repositories", Map.of()));
    assertThat(listed.path("repositories")).hasSize(1);
    assertThat(listed.path("repositories").get(0).path("repository").asText())
        .isEqualTo(source.name());
    List<String> projects = new ArrayList<>();
    ok(kit.call(CONFINED, "list_projects", Map.of()))
        .path("projects")
        .forEach(
            p -> projects.add(p.path("organization").asText() + "/" + p.path("project").asText()));
    assertThat(projects).containsExactly("org-001/" + source.project().name());
  }

  @Test
  void refusesAWorkItemOutsideTheSourcesProjects() {
    simulator.addWorkItems("org-001", source.project().name(), 1);
    simulator.addWorkItems("org-001", otherProject.project().name(), 1);
    String all = "SELECT [System.Id] FROM WorkItems ORDER BY [System.Id]";
    JsonNode inOther =
        ok(
            kit.call(
                McpPolicy.readOnly(),
                "query_work_items",
                Map.of(
                    "organization",
                    "org-001",
                    "project",
                    otherProject.project().name(),
                    "wiql",
                    all)));
    int outside = inOther.path("workItems").get(0).path("id").asInt();
    JsonNode inSource =
        ok(
            kit.call(
                CONFINED,
                "query_work_items",
                Map.of(
                    "organization", "org-001", "project", source.project().name(), "wiql", all)));
    assertThat(inSource.path("workItems")).isNotEmpty();
    inSource
        .path("workItems")
        .forEach(
            w ->
                assertThat(w.path("fields").path("System.TeamProject").asText())
                    .isEqualTo(source.project().name()));
    int inside = inSource.path("workItems").get(0).path("id").asInt();
    ok(kit.call(CONFINED, "get_work_item", Map.of("organization", "org-001", "id", inside)));

    String refusal =
        refused(
            kit.call(CONFINED, "get_work_item", Map.of("organization", "org-001", "id", outside)));
    assertThat(refusal).contains("work item " + outside).contains("sources-only");
    assertThat(refusal).doesNotContain(otherProject.project().name());
    String update =
        refused(
            kit.call(
                CONFINED,
                "update_work_item",
                Map.of("organization", "org-001", "id", outside, "fields", Map.of("Title", "x"))));
    assertThat(update).contains("sources-only");
    JsonNode unchanged =
        ok(
            kit.call(
                McpPolicy.readOnly(),
                "get_work_item",
                Map.of("organization", "org-001", "id", outside)));
    assertThat(unchanged.path("workItem").path("fields").path("System.Title").asText())
        .isNotEqualTo("x");
    String query =
        refused(
            kit.call(
                CONFINED,
                "query_work_items",
                Map.of(
                    "organization",
                    "org-001",
                    "project",
                    otherProject.project().name(),
                    "wiql",
                    all)));
    assertThat(query).contains("sources-only");
  }

  @Test
  void aCursorCantBeMovedToAnotherCall() {
    JsonNode first = ok(kit.call(McpPolicy.readOnly(), "list_repositories", Map.of("limit", 1)));
    String cursor = first.path("nextCursor").asText();
    ok(kit.call(McpPolicy.readOnly(), "list_repositories", Map.of("limit", 1, "cursor", cursor)));

    String refusal =
        refused(
            kit.call(
                McpPolicy.readOnly(),
                "list_repositories",
                Map.of("limit", 1, "query", "org-002", "cursor", cursor)));
    assertThat(refusal).contains("cursor").contains("same arguments");
  }
}
