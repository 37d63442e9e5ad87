package io.adoconnect.server.mcp;

import io.adoconnect.store.OAuthStore;

/**
 * What {@code serve} needs for {@code /mcp}: the store of clients, grants and tokens, the
 * deployment's write switch ({@code serve --mcp-allow-write}; a grant can write only when it is
 * on), and the version the MCP server reports.
 */
public record McpHttp(OAuthStore store, boolean allowWrite, String version) {}
