package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a tool returns: the structured value (raw strings, plus {@code untrustedFields} naming which
 * of them came from Azure DevOps users, and {@code notes}), and the same value as text for the
 * model with those strings wrapped (see {@link UntrustedText}).
 */
final class Answer {
  private final ObjectNode body;
  private final Set<String> untrusted = new LinkedHashSet<>();
  private final List<String> notes = new ArrayList<>();

  private Answer(ObjectNode body) {
    this.body = body;
  }

  static Answer of(ObjectNode body) {
    return new Answer(body);
  }

  /** Marks paths ({@code /items/*}{@code /title}, {@code /content}) as untrusted text. */
  Answer untrusted(String... paths) {
    untrusted.addAll(List.of(paths));
    return this;
  }

  /** A sentence the agent should read (a page was cut, a text bounded, results filtered). */
  Answer note(String note) {
    notes.add(note);
    return this;
  }

  ObjectNode body() {
    return body;
  }

  CallToolResult toResult(UntrustedText text) {
    ObjectNode structured = body.deepCopy();
    ArrayNode fields = structured.putArray("untrustedFields");
    untrusted.forEach(fields::add);
    if (!notes.isEmpty()) {
      ArrayNode n = structured.putArray("notes");
      notes.forEach(n::add);
    }
    String rendered = text.render(body, List.copyOf(untrusted), notes);
    return CallToolResult.builder()
        .addContent(new TextContent(rendered))
        .structuredContent(structured)
        .isError(false)
        .build();
  }
}
