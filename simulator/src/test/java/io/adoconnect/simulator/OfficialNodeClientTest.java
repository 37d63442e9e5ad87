package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's official Node client ({@code azure-devops-node-api}) is the judge of the wire format:
 * {@code src/test/node/list-repos.js} lists projects and repositories through it, and the result
 * must equal the dataset.
 */
class OfficialNodeClientTest {

  private static Simulator simulator;

  @BeforeAll
  static void start() {
    simulator = NodeScript.startSimulator(SimulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    NodeScript.stop(simulator);
  }

  @Test
  void listsAServicesOrganizationLikeTheDataset() throws Exception {
    Collection org = simulator.dataset().organizations().get(0);
    Project project = projectWithRepositories(org);

    JsonNode result = runListRepos(simulator.baseUri() + "/" + org.name(), project.name());

    assertMatchesDataset(result, org, project);
    assertThat(NodeScript.apiVersions(simulator, "GET", "/" + org.name() + "/_apis/projects"))
        .containsOnly("7.2-preview.4");
    assertThat(
            NodeScript.apiVersions(simulator, "GET", "/" + org.name() + "/_apis/git/repositories"))
        .containsOnly("7.2-preview.2");
    assertThat(
            NodeScript.apiVersions(
                simulator,
                "GET",
                "/" + org.name() + "/" + project.name() + "/_apis/git/repositories"))
        .containsOnly("7.2-preview.2");
  }

  @Test
  void listsTheServerCollectionLikeTheDataset() throws Exception {
    Collection collection = simulator.dataset().serverCollection();
    Project project = projectWithRepositories(collection);

    JsonNode result = runListRepos(simulator.baseUri() + "/tfs/DefaultCollection", project.name());

    assertMatchesDataset(result, collection, project);
    assertThat(NodeScript.apiVersions(simulator, "GET", "/tfs/DefaultCollection/_apis/projects"))
        .containsOnly("6.0");
    assertThat(
            NodeScript.apiVersions(
                simulator, "GET", "/tfs/DefaultCollection/_apis/git/repositories"))
        .containsOnly("6.0");
    assertThat(
            NodeScript.apiVersions(
                simulator,
                "GET",
                "/tfs/DefaultCollection/" + project.name() + "/_apis/git/repositories"))
        .containsOnly("6.0");
  }

  /** Prefers a non-ASCII project name: the client must encode it in the path. */
  private static Project projectWithRepositories(Collection collection) {
    return collection.projects().stream()
        .filter(p -> !p.tfvc())
        .sorted((a, b) -> Boolean.compare(isAscii(b.name()), isAscii(a.name())))
        .findFirst()
        .orElseThrow();
  }

  private static boolean isAscii(String text) {
    return text.chars().allMatch(c -> c < 128);
  }

  private static void assertMatchesDataset(
      JsonNode result, Collection collection, Project project) {
    assertThat(pairs(result.get("projects")))
        .containsExactlyElementsOf(
            collection.projects().stream().map(p -> p.id() + " " + p.name()).toList());
    assertThat(pairs(result.get("repositories")))
        .containsExactlyElementsOf(
            collection.repositories().stream().map(OfficialNodeClientTest::pair).toList());
    assertThat(pairs(result.get("projectRepositories")))
        .containsExactlyElementsOf(
            collection.repositoriesOf(project).stream().map(OfficialNodeClientTest::pair).toList());
  }

  private static String pair(Repository repository) {
    return repository.id() + " " + repository.name();
  }

  private static List<String> pairs(JsonNode array) {
    List<String> pairs = new ArrayList<>();
    array.forEach(node -> pairs.add(node.get("id").asText() + " " + node.get("name").asText()));
    return pairs;
  }

  private static JsonNode runListRepos(String baseUrl, String project)
      throws IOException, InterruptedException {
    return NodeScript.run("list-repos.js", baseUrl, simulator.config().pat(), project);
  }
}
