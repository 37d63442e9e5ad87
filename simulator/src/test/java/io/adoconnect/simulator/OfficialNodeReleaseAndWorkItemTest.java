package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's official Node client drives classic releases (ReleaseApi: getReleaseDefinitions,
 * createRelease, getRelease, getReleases) and work items (WorkItemTrackingApi: queryByWiql,
 * getWorkItems, getWorkItemsBatch, createWorkItem, updateWorkItem, addComment, getComments) through
 * {@code src/test/node/releases-workitems.js}, on a Services organization (the release host found
 * through ResourceAreas) and on the Server collection (no resource areas: the collection).
 */
class OfficialNodeReleaseAndWorkItemTest {

  private static Simulator simulator;

  @BeforeAll
  static void start() {
    // Stages of 0 s: a release has succeeded by the time the client reads it back.
    simulator = NodeScript.startSimulator(SimulatorConfig.builder().releaseStageSeconds(0).build());
  }

  @AfterAll
  static void stop() {
    NodeScript.stop(simulator);
  }

  @Test
  void drivesReleasesAndWorkItemsOnAServicesOrganization() throws Exception {
    Collection org = simulator.dataset().organizations().get(0);
    Project project = projectWithRepositories(org);

    JsonNode result = run(simulator.baseUri() + "/" + org.name(), project.name());

    assertMatches(result, org, project);
    // The release host came from the ResourceAreas look-up (vsrm.dev.azure.com/{org} in the cloud).
    assertThat(simulator.requests())
        .anyMatch(r -> r.path().equalsIgnoreCase("/" + org.name() + "/_apis/ResourceAreas"));
    assertThat(
            NodeScript.apiVersions(
                simulator,
                "POST",
                "/" + org.name() + "/" + project.name() + "/_apis/Release/releases"))
        .containsOnly("7.2-preview.9");
    assertThat(
            NodeScript.apiVersions(
                simulator, "POST", "/" + org.name() + "/" + project.name() + "/_apis/wit/wiql"))
        .containsOnly("7.1-preview.2");
  }

  @Test
  void drivesReleasesAndWorkItemsOnTheServerCollection() throws Exception {
    Collection collection = simulator.dataset().serverCollection();
    Project project = projectWithRepositories(collection);

    JsonNode result = run(simulator.baseUri() + "/tfs/DefaultCollection", project.name());

    assertMatches(result, collection, project);
    assertThat(
            NodeScript.apiVersions(
                simulator,
                "POST",
                "/tfs/DefaultCollection/" + project.name() + "/_apis/Release/releases"))
        .containsOnly("6.0");
  }

  private static void assertMatches(JsonNode result, Collection collection, Project project) {
    List<String> definitions = new ArrayList<>();
    result.get("definitions").forEach(d -> definitions.add(d.get("name").asText()));
    assertThat(definitions)
        .containsExactlyElementsOf(
            collection.repositoriesOf(project).stream().map(r -> r.name() + "-Release").toList());
    assertThat(result.get("definitions").get(0).get("stages").toString())
        .isEqualTo("[\"Dev\",\"Staging\",\"Production\"]");
    assertThat(result.get("created").get("description").asText()).isEqualTo("from node");
    int releaseId = result.get("created").get("id").asInt();
    assertThat(result.get("fetched").get("id").asInt()).isEqualTo(releaseId);
    assertThat(result.get("fetched").get("stages").toString())
        .isEqualTo(
            "[{\"name\":\"Dev\",\"status\":\"Succeeded\"},{\"name\":\"Staging\",\"status\":\"Succeeded\"},"
                + "{\"name\":\"Production\",\"status\":\"Succeeded\"}]");
    assertThat(result.get("listed").get(0).get("id").asInt()).isEqualTo(releaseId);
    assertThat(result.get("listed").get(0).get("stages")).hasSize(3);

    List<Integer> wiql = new ArrayList<>();
    result.get("wiqlIds").forEach(id -> wiql.add(id.asInt()));
    assertThat(wiql).isNotEmpty().isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    List<Integer> items = new ArrayList<>();
    result.get("items").forEach(i -> items.add(i.get("id").asInt()));
    assertThat(items).isEqualTo(wiql);
    assertThat(result.get("batch").get(0).get("title").asText()).isNotBlank();
    assertThat(result.get("createdItem").get("rev").asInt()).isEqualTo(1);
    assertThat(result.get("createdItem").get("state").asText()).isEqualTo("New");
    assertThat(result.get("updatedItem").get("rev").asInt()).isEqualTo(2);
    assertThat(result.get("updatedItem").get("state").asText()).isEqualTo("Active");
    assertThat(result.get("comment").get("text").asText()).isEqualTo("Hello from node");
    assertThat(result.get("comments").toString()).isEqualTo("[\"Hello from node\"]");
  }

  private static Project projectWithRepositories(Collection collection) {
    return collection.projects().stream().filter(p -> !p.tfvc()).findFirst().orElseThrow();
  }

  private static JsonNode run(String baseUrl, String project)
      throws IOException, InterruptedException {
    return NodeScript.run("releases-workitems.js", baseUrl, simulator.config().pat(), project);
  }
}
