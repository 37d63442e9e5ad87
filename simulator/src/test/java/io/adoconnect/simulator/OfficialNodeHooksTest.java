package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hooks area through Microsoft's official Node client ({@code src/test/node/hooks.js}): its
 * location look-up finds the subscriptions resource, and create, list, get and delete round-trip,
 * on a Services organization and on the Server collection.
 */
class OfficialNodeHooksTest {
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

  private static JsonNode run(String baseUrl, Collection collection) throws Exception {
    Repository repo =
        collection.repositories().stream().filter(Repository::cloneable).findFirst().orElseThrow();
    return NodeScript.run(
        "hooks.js",
        baseUrl,
        simulator.config().pat(),
        repo.project().id().toString(),
        repo.id().toString(),
        "https://receiver.example.com/api/hooks/x");
  }
}
