package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.build.BuildDefinition;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ado-connect mcp} as an agent meets it: the official TypeScript MCP SDK client ({@code
 * mcp/src/test/node}) starts the command over stdio in its own JVM, with two organizations in
 * different Entra tenants (org-001, org-002) and a Server collection connected. Without the Node
 * dependencies the test is skipped, or fails under {@code -Dado.requireNode=true}.
 */
class McpStdioClientTest extends CliTestBase {
  private static final Path NODE_PROJECT = Path.of("..", "mcp", "src", "test", "node");

  private Repository source;
  private Repository elsewhere;
  private BuildDefinition sourceDefinition;
  private BuildDefinition elsewhereDefinition;

  @BeforeEach
  void connectThreeAndAddASource() {
    if (!Files.isDirectory(NODE_PROJECT.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      String message = "Node dependencies missing: run `npm ci --prefix mcp/src/test/node`";
      if (Boolean.getBoolean("ado.requireNode")) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    cli.connect("--org", "org-001").assertOk();
    cli.connect("--org", "org-002").assertOk();
    cli.connect("--server", cli.base() + "/tfs", "--collection", "DefaultCollection").assertOk();
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    List<BuildDefinition> definitions = simulator.buildDefinitions(org);
    sourceDefinition = definitions.get(0);
    source = sourceDefinition.repository();
    elsewhereDefinition =
        definitions.stream()
            .filter(d -> !d.project().equals(source.project()))
            .findFirst()
            .orElseThrow();
    elsewhere =
        org.repositories().stream()
            .filter(r -> r.cloneable() && !r.project().equals(source.project()))
            .findFirst()
            .orElseThrow();
    cli.run("sources", "add", "org-001/" + source.project().name() + "/" + source.name())
        .assertOk();
  }

  @Test
  void readOnlyListsAllThreeReadsASourceAndRefusesToQueue() throws Exception {
    JsonNode run =
        run(
            List.of(),
            call("list_repositories", Map.of("limit", 200)),
            call("get_file", at(source, "path", "/README.md")),
            call(
                "queue_build",
                Map.of(
                    "organization", "org-001",
                    "project", sourceDefinition.project().name(),
                    "definition", sourceDefinition.name())));

    assertThat(run.path("server").path("name").asText()).isEqualTo("ado-connect");
    List<String> tools = names(run.path("tools"));
    assertThat(tools).contains("list_repositories", "get_file").doesNotContain("queue_build");
    run.path("tools")
        .forEach(
            t ->
                assertThat(t.path("annotations").path("readOnlyHint").asBoolean())
                    .as(t.toString())
                    .isTrue());

    JsonNode repos = result(run, 0);
    Set<String> organizations = new HashSet<>();
    repos
        .path("structured")
        .path("repositories")
        .forEach(r -> organizations.add(r.path("organization").asText()));
    assertThat(organizations).containsExactlyInAnyOrder("org-001", "org-002", "DefaultCollection");

    JsonNode file = result(run, 1);
    assertThat(file.path("structured").path("content").asText()).contains(source.name());
    assertThat(file.path("text").asText()).startsWith("Text between <data-");

    JsonNode queue = run.path("results").get(2);
    assertThat(queue.path("isError").asBoolean()).isTrue();
    assertThat(queue.path("text").asText()).contains("write tools are off");
    assertThat(simulator.requests())
        .noneMatch(r -> r.method().equals("POST") && r.path().endsWith("/_apis/build/builds"));
  }

  @Test
  void withWritesInSourcesOnlyModeQueuesInTheSourcesProjectAndRefusesElsewhere() throws Exception {
    JsonNode run =
        run(
            List.of("--allow-write", "--sources-only"),
            call(
                "queue_build",
                Map.of(
                    "organization", "org-001",
                    "project", sourceDefinition.project().name(),
                    "definition", sourceDefinition.name())),
            call("get_file", at(elsewhere, "path", "/README.md")),
            call(
                "queue_build",
                Map.of(
                    "organization", "org-001",
                    "project", elsewhereDefinition.project().name(),
                    "definition", elsewhereDefinition.name())),
            call("list_repositories", Map.of()));

    assertThat(names(run.path("tools"))).contains("queue_build", "create_pull_request");
    JsonNode queued = result(run, 0);
    assertThat(queued.path("structured").path("build").path("id").asInt()).isPositive();
    assertThat(queued.path("structured").path("where").path("organizationUrl").asText())
        .endsWith("/org-001");

    for (int refused : new int[] {1, 2}) {
      JsonNode r = run.path("results").get(refused);
      assertThat(r.path("isError").asBoolean()).as(r.toString()).isTrue();
      assertThat(r.path("text").asText()).contains("Refused").contains("sources-only");
    }
    assertThat(result(run, 3).path("structured").path("repositories")).hasSize(1);
  }

  private JsonNode run(List<String> options, ObjectNode... calls)
      throws IOException, InterruptedException {
    ObjectNode scenario = Cli.JSON.createObjectNode();
    scenario.put("command", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> args =
        new ArrayList<>(
            List.of(
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "mcp",
                "--data-dir",
                cli.dataDir.toString()));
    args.addAll(options);
    args.forEach(scenario.putArray("args")::add);
    ObjectNode env = scenario.putObject("env");
    env.put("ADO_CONNECT_DEVOPS_URL", cli.base());
    env.put("ADO_CONNECT_VSSPS_URL", cli.base());
    env.put("ADO_CONNECT_VSRM_URL", cli.base());
    env.put("ADO_CONNECT_LOGIN_URL", cli.base());
    env.put("ADO_CONNECT_KEY_FILE", cli.keyFile.toString());
    List.of(calls).forEach(scenario.putArray("calls")::add);

    Path file = Files.createTempFile("mcp-scenario", ".json");
    Path out = Files.createTempFile("mcp-result", ".json");
    try {
      Files.writeString(file, Cli.JSON.writeValueAsString(scenario));
      Process node =
          new ProcessBuilder("node", "stdio-client.js", file.toAbsolutePath().toString())
              .directory(NODE_PROJECT.toFile())
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!node.waitFor(120, TimeUnit.SECONDS)) {
        node.descendants().forEach(ProcessHandle::destroyForcibly);
        node.destroyForcibly();
        fail("the MCP client did not finish within 2 minutes");
      }
      assertThat(node.exitValue()).as("node stdio-client.js exit code").isZero();
      return Cli.JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(out);
    }
  }

  private static ObjectNode call(String name, Map<String, Object> arguments) {
    ObjectNode call = Cli.JSON.createObjectNode();
    call.put("name", name);
    call.set("arguments", Cli.JSON.valueToTree(arguments));
    return call;
  }

  private static Map<String, Object> at(Repository repo, String key, Object value) {
    return Map.of(
        "organization",
        "org-001",
        "project",
        repo.project().name(),
        "repository",
        repo.name(),
        key,
        value);
  }

  private static JsonNode result(JsonNode run, int index) {
    JsonNode r = run.path("results").get(index);
    assertThat(r.path("isError").asBoolean()).as(r.toString()).isFalse();
    return r;
  }

  private static List<String> names(JsonNode tools) {
    List<String> names = new ArrayList<>();
    tools.forEach(t -> names.add(t.path("name").asText()));
    return names;
  }
}
