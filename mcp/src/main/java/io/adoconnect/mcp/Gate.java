package io.adoconnect.mcp;

/** Refuses a call the effective policy does not allow, saying which rule refused it. */
final class Gate {
  private Gate() {}

  static void check(McpTool tool, McpPolicy policy) {
    if (!policy.toolSets().contains(tool.set())) {
      throw new McpRefusal(
          "Refused: "
              + tool.name()
              + " belongs to the tool set '"
              + tool.set().wireName()
              + "', which this MCP server does not offer to you.",
          "A person can enable the tool set for this agent.");
    }
    if (tool.effect().writes() && !policy.allowWrite()) {
      throw new McpRefusal(
          "Refused: "
              + tool.name()
              + " changes Azure DevOps, and write tools are off for this MCP server.",
          "A person can allow writes for this agent; until then only read tools run.");
    }
  }
}
