package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a script of {@code src/test/node} (Microsoft's official {@code azure-devops-node-api})
 * against a simulator and reads the JSON it prints. Without {@code node_modules} a test is skipped,
 * or fails under {@code -Dado.requireNode=true} (the full build sets it).
 */
final class NodeScript {
  private static final Path NODE_PROJECT = Path.of("src", "test", "node");

  private NodeScript() {}

  /** Starts a simulator for the Node client, once its dependencies are known to be installed. */
  static Simulator startSimulator(SimulatorConfig config) {
    if (!Files.isDirectory(NODE_PROJECT.resolve("node_modules").resolve("azure-devops-node-api"))) {
      String message = "Node dependencies missing: run `npm ci --prefix simulator/src/test/node`";
      if (Boolean.getBoolean("ado.requireNode")) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return Simulator.start(config);
  }

  /** Stops a simulator {@link #startSimulator} started; nothing when the test was skipped. */
  static void stop(Simulator simulator) {
    if (simulator != null) {
      simulator.close();
    }
  }

  /** {@code node <script> <args...>}: must exit 0 within a minute; its stdout parsed as JSON. */
  static JsonNode run(String script, String... args) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile(script.replace(".js", ""), ".json");
    try {
      String[] command = new String[args.length + 2];
      command[0] = "node";
      command[1] = script;
      System.arraycopy(args, 0, command, 2, args.length);
      Process process =
          new ProcessBuilder(command)
              .directory(NODE_PROJECT.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("node " + script + " timed out");
      }
      assertThat(process.exitValue()).as("node " + script + " exit code").isZero();
      return new ObjectMapper().readTree(Files.readString(stdout, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
    }
  }

  /** The api-versions the client sent on {@code method path}, in order. */
  static List<String> apiVersions(Simulator simulator, String method, String path) {
    return simulator.requests().stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .map(r -> r.apiVersion().orElse("<none>"))
        .toList();
  }
}
