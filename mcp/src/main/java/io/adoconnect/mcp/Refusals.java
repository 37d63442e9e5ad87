package io.adoconnect.mcp;

import io.adoconnect.AdoConnectException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failed call as the agent sees it: a tool error result ({@code isError}) whose text says what
 * was refused and why, then what to do next — the exception's message and its {@link
 * io.adoconnect.NextStep} as a sentence. Never a stack trace: an unexpected failure is logged (to
 * the log, never to stdout) and reported as an internal error.
 */
final class Refusals {
  private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

  private Refusals() {}

  static CallToolResult of(String tool, RuntimeException e) {
    if (e instanceof AdoConnectException known) {
      String next = NextStepSentence.of(known.nextStep());
      Map<String, Object> structured = new LinkedHashMap<>();
      structured.put("error", known.getClass().getSimpleName());
      structured.put("message", known.getMessage());
      if (next != null) {
        structured.put("next", next);
      }
      structured.put("action", known.nextStep().action().wireName());
      structured.put("parameters", known.nextStep().parameters());
      return error(known.getMessage() + (next == null ? "" : "\n" + next), structured);
    }
    LOG.error("MCP tool {} failed unexpectedly", tool, e);
    return error(
        "The tool " + tool + " failed unexpectedly inside ado-connect; the details are in its log.",
        Map.of("error", "InternalError"));
  }

  private static CallToolResult error(String text, Map<String, Object> structured) {
    return CallToolResult.builder()
        .addContent(new TextContent(text))
        .structuredContent(structured)
        .isError(true)
        .build();
  }
}
