package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.data.Project;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every Azure DevOps Server names its first collection {@code DefaultCollection}; what tells two
 * apart is the collection's {@code instanceId} in connectionData. Two simulators must be two
 * Servers, so that a client can be tested against "same names, different Servers" and "same Server,
 * second URL".
 */
class ServerInstanceIdTest {

  private static String instanceId(Simulator simulator, String path) {
    return TestClient.json(new TestClient(simulator).get(path + "/_apis/connectionData"))
        .get("instanceId")
        .asText();
  }

  @Test
  void twoSimulatorsWithTheSameSeedAreTwoServersWithTheSameNames() {
    try (Simulator first = Simulator.start(SimulatorConfig.defaults());
        Simulator second = Simulator.start(SimulatorConfig.defaults())) {
      assertThat(instanceId(first, "/tfs/DefaultCollection"))
          .isNotEqualTo(instanceId(second, "/tfs/DefaultCollection"));
      assertThat(second.dataset().serverCollection().projects())
          .extracting(Project::name)
          .isEqualTo(
              first.dataset().serverCollection().projects().stream().map(Project::name).toList());
      // One cloud: a Services organization is the same organization whichever simulator serves it.
      assertThat(instanceId(first, "/org-001")).isEqualTo(instanceId(second, "/org-001"));
    }
  }

  @Test
  void anExplicitInstanceIdIsTheOneReported() {
    UUID id = UUID.fromString("6a1e2b3c-4d5e-4f60-8172-839405a6b7c8");
    try (Simulator simulator =
        Simulator.start(SimulatorConfig.builder().serverInstanceId(id).build())) {
      assertThat(instanceId(simulator, "/tfs/DefaultCollection")).isEqualTo(id.toString());
      assertThat(instanceId(simulator, "/DefaultCollection")).isEqualTo(id.toString());
      // Events, hook inputs and work item URLs read the same collection.
      assertThat(simulator.dataset().serverCollection().instanceId()).isEqualTo(id);
    }
  }
}
