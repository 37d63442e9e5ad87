/**
 * {@code /mcp}: the MCP server over Streamable HTTP inside the service, served by the official Java
 * SDK's servlet transport behind this service's own checks (Host, Origin, an OAuth access token of
 * {@link io.adoconnect.server.oauth}), with sessions bound to the grant whose token opened them.
 */
package io.adoconnect.server.mcp;
