package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hooks area through Microsoft's official Node client ({@code src/test/node/hooks.js}): its
 * location look-up finds the subscriptions resource, and create, list, get and delete round-trip,
 * on a Services organization and on the Server collection.
 */
class OfficialNodeHooksTest {
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
  void subscriptionsRoundTripOnAServicesOrganization() throws Exception {
    Collection org = simulator.dataset().organizations().get(0);
    JsonNode result = run(simulator.baseUri() + "/" + org.name(), org);
    assertRoundTrip(result);
    assertThat(result.path("apiVersion").asText()).isEqualTo("7.1");
  }

  @Test
  void subscriptionsRoundTripOnTheServerCollection() throws Exception {
    Collection collection = simulator.dataset().serverCollection();
    JsonNode result = run(simulator.baseUri() + "/tfs/DefaultCollection", collection);
    assertRoundTrip(result);
    assertThat(result.path("apiVersion").asText()).startsWith("6.0");
  }

  private static void assertRoundTrip(JsonNode result) {
    assertThat(result.path("created").path("status").asInt()).isEqualTo(200);
    assertThat(result.path("created").path("eventType").asText()).isEqualTo("git.push");
    String id = result.path("created").path("id").asText();
    assertThat(result.path("listed").path("ids").toString()).contains(id);
    assertThat(result.path("got").path("status").asInt()).isEqualTo(200);
    assertThat(result.path("got").path("url").asText())
        .isEqualTo("https://receiver.example.com/api/hooks/x");
    assertThat(result.path("got").path("password").asText()).isEqualTo("********");
    assertThat(result.path("deleted").asInt()).isEqualTo(204);
    assertThat(result.path("gone").asInt()).isEqualTo(404);
  }

  private static JsonNode run(String baseUrl, Collection collection)
      throws IOException, InterruptedException {
    Repository repo =
        collection.repositories().stream().filter(Repository::cloneable).findFirst().orElseThrow();
    Path stdout = Files.createTempFile("hooks", ".json");
    try {
      Process process =
          new ProcessBuilder(
                  "node",
                  "hooks.js",
                  baseUrl,
                  simulator.config().pat(),
                  repo.project().id().toString(),
                  repo.id().toString(),
                  "https://receiver.example.com/api/hooks/x")
              .directory(NODE_PROJECT.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("node hooks.js timed out");
      }
      assertThat(process.exitValue()).as("node hooks.js exit code").isZero();
      return new ObjectMapper().readTree(Files.readString(stdout, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
    }
  }
}
