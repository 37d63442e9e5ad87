package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.auth.Secret;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.connect.PatTarget;
import io.adoconnect.http.Json;
import io.adoconnect.simulator.Simulator;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * A core instance over a simulator with two organizations in different Entra tenants ({@code
 * org-001}, {@code org-002}) and the Server collection connected, and a way to call the MCP tools
 * on it directly (the transport is the SDK's; the stdio test covers it end to end).
 */
final class McpKit implements AutoCloseable {
  final Simulator simulator;
  final AdoConnect ado;
  private final Cursors cursors;
  private final UntrustedText text;

  McpKit(Simulator simulator, Path dir) {
    this.simulator = simulator;
    this.ado =
        AdoConnect.open(ConnectSettings.fromEnvironment(dir.resolve("data"), env(simulator, dir)));
    SecureRandom random = new SecureRandom();
    this.cursors = new Cursors(random, Json.MAPPER);
    this.text = new UntrustedText(Json.MAPPER, random);
  }

  static Map<String, String> env(Simulator simulator, Path dir) {
    String base = simulator.baseUri().toString();
    return Map.of(
        "ADO_CONNECT_DEVOPS_URL", base,
        "ADO_CONNECT_VSSPS_URL", base,
        "ADO_CONNECT_VSRM_URL", base,
        "ADO_CONNECT_LOGIN_URL", base,
        "ADO_CONNECT_KEY_FILE", dir.resolve("keys").resolve("key").toString());
  }

  /** Connects org-001 and org-002 (different tenants) and the Server's DefaultCollection. */
  McpKit connectThree() {
    Secret pat = Secret.of(simulator.config().pat());
    ado.connectPat(PatTarget.services(List.of("org-001")), pat);
    ado.connectPat(PatTarget.services(List.of("org-002")), pat);
    ado.connectPat(PatTarget.server(simulator.baseUri() + "/tfs", "DefaultCollection"), pat);
    return this;
  }

  /** Calls {@code tool} under {@code policy}, as the server would. */
  CallToolResult call(McpPolicy policy, String tool, Map<String, Object> args) {
    McpTool known =
        AdoConnectMcp.allTools().stream()
            .filter(t -> t.name().equals(tool))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no tool " + tool));
    return AdoConnectMcp.call(
        known,
        McpCallers.fixed(new McpCaller(ado, policy)),
        McpPolicy.everything(),
        cursors,
        text,
        McpTransportContext.EMPTY,
        new CallToolRequest(tool, args));
  }

  static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  static JsonNode structured(CallToolResult result) {
    return Json.MAPPER.valueToTree(result.structuredContent());
  }

  @Override
  public void close() {
    ado.close();
  }
}
