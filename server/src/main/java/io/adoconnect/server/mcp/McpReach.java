package io.adoconnect.server.mcp;

/**
 * What an MCP session may do: the deployment's write switch AND what the person granted, and
 * whether it is confined to the sources.
 */
public record McpReach(boolean write, boolean sourcesOnly) {}
