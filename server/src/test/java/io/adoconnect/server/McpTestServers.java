package io.adoconnect.server;

import io.adoconnect.server.mcp.McpReach;
import io.adoconnect.server.mcp.McpServers;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * A small MCP server on the SDK for the transport and authorization tests: one tool, {@code reach},
 * that answers with the reach its server was built for, so a test sees which server a token
 * reached.
 */
final class McpTestServers {
  private McpTestServers() {}

  static McpServers reachEcho() {
    return (transport, reach) -> {
      McpSyncServer server =
          McpServer.sync(transport)
              .serverInfo("ado-connect-test", "0")
              .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
              .tools(tool(reach))
              .build();
      return server::close;
    };
  }

  private static McpServerFeatures.SyncToolSpecification tool(McpReach reach) {
    return McpServerFeatures.SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name("reach")
                .description("What this session may do.")
                .inputSchema(Map.of("type", "object"))
                .build())
        .callHandler(
            (exchange, request) ->
                McpSchema.CallToolResult.builder()
                    .addTextContent(
                        "write=" + reach.write() + " sourcesOnly=" + reach.sourcesOnly())
                    .build())
        .build();
  }
}
