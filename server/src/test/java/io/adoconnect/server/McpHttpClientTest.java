package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.server.mcp.McpHttp;
import io.adoconnect.store.OAuthStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The whole OAuth dance as a real MCP client does it: the official TypeScript SDK's client
 * (src/test/node-mcp, {@code @modelcontextprotocol/sdk} pinned by its package-lock) finds the
 * authorization server through {@code /mcp}'s 401, registers itself, authorizes with PKCE, gets the
 * operator's consent (this test hands it the page session), redeems the code, connects over
 * Streamable HTTP, lists the tools and calls a read tool. Without its {@code node_modules} the test
 * is skipped, or fails under {@code -Dado.requireNode=true}.
 */
class McpHttpClientTest extends ServerTestBase {
  private static final Path NODE_PROJECT = Path.of("src", "test", "node-mcp");

  /** The deployment's write switch ({@code --mcp-allow-write}) for the next service. */
  private boolean allowWrite;

  @Override
  ServerApp createApp(ServerConfig config, AdoConnect ado) {
    return ServerApp.create(
        config, ado, new McpHttp(OAuthStore.open(dataDir()), allowWrite, "test"));
  }

  @Test
  void theOfficialClientSignsInFromScratchAndCallsAReadTool() {
    requireNodeModules();
    serve(
        (service, api) -> {
          Api.Response connected =
              api.post("/api/connections/pat")
                  .json(Map.of("organizations", List.of("org-001", "org-002"), "pat", CANARY_PAT))
                  .send();
          assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
          Api.BrowserTab tab = api.login(service.app.loginLink());

          JsonNode seen =
              run(
                  Map.of(
                      "MCP_URL", api.base() + "/mcp",
                      "PAGE_COOKIE", tab.cookie(),
                      "TAB_SECRET", tab.secret(),
                      "APPROVE_WRITE", "false",
                      "SOURCES_ONLY", "false",
                      "TOOL", "list_repositories",
                      "TOOL_ARGS", "{}"));

          assertThat(seen.path("clientId").asText()).isNotBlank();
          assertThat(seen.path("authorize").path("resource").asText())
              .isEqualTo(api.base() + "/mcp");
          assertThat(seen.path("authorize").path("codeChallengeMethod").asText()).isEqualTo("S256");
          assertThat(seen.path("tokenType").asText()).isEqualToIgnoringCase("bearer");
          assertThat(seen.path("hasRefreshToken").asBoolean()).isTrue();
          assertThat(seen.path("scope").asText()).isEqualTo("mcp:read");
          assertThat(seen.path("sessionId").asText()).isEqualTo("present");
          assertThat(seen.path("tools").toString()).contains("list_repositories");
          JsonNode call = seen.path("call");
          assertThat(call.path("isError").asBoolean()).as(call.toString()).isFalse();
          assertThat(call.path("structuredContent").toString()).contains("org-001", "org-002");
          // the client now shows on the page, and nothing of it went to Azure DevOps
          JsonNode clients = api.get("/api/oauth/clients").as(tab).send().json();
          assertThat(clients.path(0).path("clientName").asText()).isEqualTo("official-sdk-test");
          assertThat(outbound).noneMatch(r -> r.contains(seen.path("clientId").asText()));
        });
  }

  @Test
  void withAGrantThatWritesTheOfficialClientQueuesABuildAndWithAReadOnlyOneItIsRefused() {
    requireNodeModules();
    allowWrite = true;
    serve(
        (service, api) -> {
          Api.Response connected =
              api.post("/api/connections/pat")
                  .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
                  .send();
          assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
          var definition =
              simulator
                  .buildDefinitions(simulator.dataset().organization("org-001").orElseThrow())
                  .get(0);
          String queue =
              Api.JSON.writeValueAsString(
                  Map.of(
                      "organization", "org-001",
                      "project", definition.project().name(),
                      "definition", definition.name()));
          Api.BrowserTab tab = api.login(service.app.loginLink());
          Map<String, String> env =
              Map.of(
                  "MCP_URL",
                  api.base() + "/mcp",
                  "PAGE_COOKIE",
                  tab.cookie(),
                  "TAB_SECRET",
                  tab.secret(),
                  "SOURCES_ONLY",
                  "false",
                  "TOOL",
                  "queue_build",
                  "TOOL_ARGS",
                  queue);

          JsonNode writer = run(with(env, "APPROVE_WRITE", "true"));
          assertThat(writer.path("tools").toString()).contains("queue_build");
          JsonNode queued = writer.path("call");
          assertThat(queued.path("isError").asBoolean()).as(queued.toString()).isFalse();
          int buildId = queued.path("structuredContent").path("build").path("id").asInt();
          assertThat(buildId).isPositive();
          assertThat(queued.path("structuredContent").path("where").path("organization").asText())
              .isEqualTo("org-001");

          JsonNode reader = run(with(env, "APPROVE_WRITE", "false"));
          assertThat(reader.path("tools").toString()).doesNotContain("queue_build");
          JsonNode refused = reader.path("call");
          assertThat(refused.path("isError").asBoolean()).as(refused.toString()).isTrue();
          assertThat(refused.path("text").asText()).contains("queue_build");
          // the refused call queued nothing: the newest build is still the one queued above
          JsonNode builds =
              api.get(
                      "/api/projects/org-001/"
                          + java.net.URLEncoder.encode(
                                  definition.project().name(), StandardCharsets.UTF_8)
                              .replace("+", "%20")
                          + "/builds?top=1")
                  .send()
                  .json();
          assertThat(builds.path(0).path("id").asInt()).as(builds.toString()).isEqualTo(buildId);
        });
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(env);
    more.put(name, value);
    return more;
  }

  private static void requireNodeModules() {
    if (!Files.isDirectory(
        NODE_PROJECT.resolve("node_modules").resolve("@modelcontextprotocol").resolve("sdk"))) {
      String message = "Node dependencies missing: run `npm ci --prefix server/src/test/node-mcp`";
      if (Boolean.getBoolean("ado.requireNode")) {
        fail(message);
      }
      Assumptions.abort(message);
    }
  }

  /**
   * {@code node http-oauth-client.js} with {@code env}: exits 0 within a minute; stdout as JSON.
   */
  private static JsonNode run(Map<String, String> env) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("mcp-http", ".json");
    try {
      ProcessBuilder builder =
          new ProcessBuilder("node", "http-oauth-client.js")
              .directory(NODE_PROJECT.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT);
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("node http-oauth-client.js timed out");
      }
      assertThat(process.exitValue()).as("node http-oauth-client.js exit code").isZero();
      return Api.JSON.readTree(Files.readString(stdout, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
    }
  }
}
