package io.adoconnect.server.mcp;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.mcp.McpCaller;
import io.adoconnect.mcp.McpCallers;
import io.adoconnect.mcp.McpPolicy;
import io.adoconnect.mcp.McpRefusal;
import io.adoconnect.mcp.ToolSet;
import io.adoconnect.mcp.WriteAudit;
import io.adoconnect.store.OAuthStore;
import io.adoconnect.store.Owner;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.function.Function;

/**
 * The caller of an HTTP tool call: the grant {@link McpServlet} authenticated (put in the transport
 * context, never the token itself) becomes what the person approved — write or not, sources only or
 * not — over the core of the grant's owner (single-user: the service's one core; team mode: the
 * (application, end user) view, so a token reaches its own end user's accounts and nobody else's).
 * The MCP server narrows it to the deployment's ceiling, so writing needs both the switch and the
 * grant.
 */
final class GrantCallers implements McpCallers {
  static final String GRANT = "ado-connect.grant";

  private final Function<Owner, AdoConnect> cores;
  private final Function<Owner, WriteAudit> audits;

  GrantCallers(Function<Owner, AdoConnect> cores, Function<Owner, WriteAudit> audits) {
    this.cores = cores;
    this.audits = audits;
  }

  @Override
  public McpCaller caller(McpTransportContext context) {
    if (!(context.get(GRANT) instanceof OAuthStore.Grant grant)) {
      throw new McpRefusal(
          "This call carries no sign-in.", "Sign in to /mcp with OAuth, then call again.");
    }
    Owner owner = Owner.ofKey(grant.owner());
    return new McpCaller(
        cores.apply(owner),
        new McpPolicy(grant.canWrite(), ToolSet.all(), grant.sourcesOnly()),
        audits.apply(owner));
  }
}
