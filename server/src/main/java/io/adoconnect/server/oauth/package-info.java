/**
 * The OAuth authorization server that guards {@code /mcp}, following the MCP authorization spec:
 * Protected Resource Metadata (RFC 9728), Authorization Server Metadata (RFC 8414), Dynamic Client
 * Registration (RFC 7591), authorization code with PKCE (S256 only) through a consent the signed-in
 * operator gives on the integrations page, tokens bound to the resource (RFC 8707), short-lived,
 * refreshed with rotation. One class per endpoint over {@link io.adoconnect.store.OAuthStore}
 * (Spring Authorization Server's layout); the protocol objects are Nimbus's.
 */
package io.adoconnect.server.oauth;
