package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's official Node client ({@code azure-devops-node-api}) is the judge of the wire format:
 * {@code src/test/node/list-repos.js} lists projects and repositories through it, and the result
 * must equal the dataset.
 */
class OfficialNodeClientTest {

  private static final Path NODE_PROJECT = Path.of("src", "test", "node");

  private static Simulator simulator;

  @BeforeAll
  static void start() {
    if (!Files.isDirectory(NODE_PROJECT.resolve("node_modules").resolve("azure-devops-node-api"))) {
      String message = "Node dependencies missing: run `npm ci --prefix simulator/src/test/node`";
      if (Boolean.getBoolean("ado.requireNode")) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    simulator = Simulator.start(SimulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void listsAServicesOrganizationLikeTheDataset() throws Exception {
    Collection org = simulator.dataset().organizations().get(0);
    Project project = projectWithRepositories(org);

    JsonNode result = runListRepos(simulator.baseUri() + "/" + org.name(), project.name());

    assertMatchesDataset(result, org, project);
    assertThat(apiVersionsFor("/" + org.name() + "/_apis/projects")).containsOnly("7.2-preview.4");
    assertThat(apiVersionsFor("/" + org.name() + "/_apis/git/repositories"))
        .containsOnly("7.2-preview.2");
    assertThat(apiVersionsFor("/" + org.name() + "/" + project.name() + "/_apis/git/repositories"))
        .containsOnly("7.2-preview.2");
  }

  @Test
  void listsTheServerCollectionLikeTheDataset() throws Exception {
    Collection collection = simulator.dataset().serverCollection();
    Project project = projectWithRepositories(collection);

    JsonNode result = runListRepos(simulator.baseUri() + "/tfs/DefaultCollection", project.name());

    assertMatchesDataset(result, collection, project);
    assertThat(apiVersionsFor("/tfs/DefaultCollection/_apis/projects")).containsOnly("6.0");
    assertThat(apiVersionsFor("/tfs/DefaultCollection/_apis/git/repositories")).containsOnly("6.0");
    assertThat(
            apiVersionsFor("/tfs/DefaultCollection/" + project.name() + "/_apis/git/repositories"))
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

  private static List<String> apiVersionsFor(String path) {
    return simulator.requests().stream()
        .filter(r -> r.method().equals("GET") && r.path().equals(path))
        .map(r -> r.apiVersion().orElse("<none>"))
        .toList();
  }

  private static JsonNode runListRepos(String baseUrl, String project)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("list-repos", ".json");
    try {
      Process process =
          new ProcessBuilder("node", "list-repos.js", baseUrl, simulator.config().pat(), project)
              .directory(NODE_PROJECT.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("node list-repos.js timed out");
      }
      assertThat(process.exitValue()).as("node list-repos.js exit code").isZero();
      return new ObjectMapper().readTree(Files.readString(stdout, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
    }
  }
}
