package io.adoconnect.mcp;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * Finds the {@link McpCaller} of a request from its transport context. Over stdio there is one
 * caller ({@link #fixed}); over HTTP the transport puts the authenticated user and their grant in
 * the context (an {@code McpTransportContextExtractor}) and this maps it to their core instance.
 *
 * <p>Throw an {@link io.adoconnect.AdoConnectException} (its message and next step reach the client
 * as a refusal) when the context carries no caller.
 */
@FunctionalInterface
public interface McpCallers {
  McpCaller caller(McpTransportContext context);

  /** The same caller for every request: the stdio transport's local owner. */
  static McpCallers fixed(McpCaller caller) {
    return context -> caller;
  }
}
