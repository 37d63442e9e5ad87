package io.adoconnect.mcp;

import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * What a tool does to Azure DevOps, stated once so its MCP annotations are truthful: clients use
 * {@code readOnlyHint}, {@code destructiveHint} and {@code idempotentHint} to decide what to run
 * without asking, so a wrong hint is a security bug, not a cosmetic one.
 */
enum Effect {
  /** Reads only. */
  READ(true, false, true),
  /** Adds something new (a comment, a build, a pull request); calling twice adds two. */
  ADD(false, false, false),
  /** Overwrites or ends something (fields, a merge); the same call again changes nothing more. */
  OVERWRITE(false, true, true);

  private final boolean readOnly;
  private final boolean destructive;
  private final boolean idempotent;

  Effect(boolean readOnly, boolean destructive, boolean idempotent) {
    this.readOnly = readOnly;
    this.destructive = destructive;
    this.idempotent = idempotent;
  }

  /** Whether the tool is a write tool (off unless writes are allowed). */
  boolean writes() {
    return !readOnly;
  }

  /** Every tool acts on Azure DevOps, outside this process: {@code openWorldHint} is true. */
  ToolAnnotations annotations(String title) {
    return ToolAnnotations.builder()
        .title(title)
        .readOnlyHint(readOnly)
        .destructiveHint(destructive)
        .idempotentHint(idempotent)
        .openWorldHint(true)
        .build();
  }
}
