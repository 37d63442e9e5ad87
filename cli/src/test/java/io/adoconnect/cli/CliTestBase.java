package io.adoconnect.cli;

import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One simulator per test class, a fresh data dir and key file per test. Tests that arm faults
 * consume them fully, or start their own simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CliTestBase {
  protected Simulator simulator;
  protected Cli cli;

  protected SimulatorConfig simulatorConfig() {
    return SimulatorConfig.defaults();
  }

  @BeforeAll
  void startSimulator() {
    simulator = Simulator.start(simulatorConfig());
  }

  @AfterAll
  void stopSimulator() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @BeforeEach
  void freshDataDir(@TempDir Path dir) {
    simulator.resetCounts();
    cli = new Cli(simulator, dir);
  }
}
