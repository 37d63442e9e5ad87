/**
 * The MCP server: every tool a thin adapter over the core handles ({@code
 * AdoConnect.organization/project/repository}), for any transport of the official MCP Java SDK.
 * {@link io.adoconnect.mcp.AdoConnectMcp} is the entry point; {@link io.adoconnect.mcp.McpPolicy}
 * what an agent may do (writes, tool sets, sources only); {@link io.adoconnect.mcp.McpCallers} who
 * a request acts for. Answers wrap text written by Azure DevOps users between per-response random
 * delimiters ({@code UntrustedText}); lists are paged with HMAC-bound cursors ({@code Cursors}).
 */
package io.adoconnect.mcp;
