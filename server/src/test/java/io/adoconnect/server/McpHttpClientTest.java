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

  @Override
  ServerApp createApp(ServerConfig config, AdoConnect ado) {
    return ServerApp.create(config, ado, new McpHttp(OAuthStore.open(dataDir()), false, "test"));
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
