package io.adoconnect.mcp;

import io.adoconnect.AdoConnectException;

/**
 * The MCP server itself refuses a call: a write tool while writes are off, a tool set not granted,
 * a repository, project or work item outside the sources in sources-only mode. The message says
 * what was refused and why; the advice what the person (not the agent) can change.
 */
public final class McpRefusal extends AdoConnectException {
  public McpRefusal(String message, String advice) {
    super(message, advice);
  }
}
