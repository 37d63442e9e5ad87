package io.adoconnect.mcp;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.function.Function;

/**
 * One tool: its name, the set it belongs to, what it does to Azure DevOps ({@link Effect}: the
 * annotations and whether it is a write tool), its input schema, and the adapter that calls core.
 */
record McpTool(
    String name,
    String title,
    ToolSet set,
    Effect effect,
    String description,
    Schema input,
    Function<ToolCall, Answer> handler) {

  Tool toSchema() {
    return Tool.builder()
        .name(name)
        .title(title)
        .description(
            description
                + (effect.writes() ? " Write tool: available only when writes are allowed." : ""))
        .inputSchema(input.toMap())
        .annotations(effect.annotations(title))
        .build();
  }
}
