package io.adoconnect.server.mcp;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.mcp.McpCaller;
import io.adoconnect.mcp.McpCallers;
import io.adoconnect.mcp.McpPolicy;
import io.adoconnect.mcp.McpRefusal;
import io.adoconnect.mcp.ToolSet;
import io.adoconnect.store.OAuthStore;
import io.modelcontextprotocol.common.McpTransportContext;

/**
 * The caller of an HTTP tool call: the grant {@link McpServlet} authenticated (put in the transport
 * context, never the token itself) becomes what the person approved — write or not, sources only or
 * not — over the service's core instance. The MCP server narrows it to the deployment's ceiling, so
 * writing needs both the switch and the grant.
 */
final class GrantCallers implements McpCallers {
  static final String GRANT = "ado-connect.grant";

  private final AdoConnect ado;

  GrantCallers(AdoConnect ado) {
    this.ado = ado;
  }

  @Override
  public McpCaller caller(McpTransportContext context) {
    if (!(context.get(GRANT) instanceof OAuthStore.Grant grant)) {
      throw new McpRefusal(
          "This call carries no sign-in.", "Sign in to /mcp with OAuth, then call again.");
    }
    return new McpCaller(ado, new McpPolicy(grant.canWrite(), ToolSet.all(), grant.sourcesOnly()));
  }
}
