package io.adoconnect.server.mcp;

import io.adoconnect.store.OAuthStore;

/**
 * What {@code serve} needs for {@code /mcp}: the store of clients, grants and tokens, the
 * deployment's write switch ({@code serve --mcp-allow-write}), and how to build the MCP server.
 */
public record McpHttp(OAuthStore store, boolean allowWrite, McpServers servers) {}
