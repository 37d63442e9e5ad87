package io.adoconnect.server.mcp;

import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/**
 * Builds the MCP server (its tools over the core) on a transport for one reach. {@code /mcp} keeps
 * one server per reach it has met, each on its own SDK transport, so a session opened with a
 * read-only token never sees a write tool.
 */
@FunctionalInterface
public interface McpServers {
  /**
   * @return what stops the server
   */
  AutoCloseable serve(McpStreamableServerTransportProvider transport, McpReach reach);
}
