package io.adoconnect.mcp;

import io.adoconnect.InvalidInputException;
import io.adoconnect.connect.AdoConnect;
import java.util.List;

/**
 * One tool call: the caller's core instance, the effective policy, the arguments, and the helpers
 * every tool shares (sources-only confinement, paging).
 */
record ToolCall(
    String tool, AdoConnect ado, McpPolicy policy, Args args, Reach reach, Cursors cursors) {
  /** Items per page unless the call sets {@code limit}. */
  static final int PAGE = 50;

  static final int MAX_PAGE = 200;

  /** The page of {@code items} this call asks for (its cursor), and the cursor of the next. */
  <T> Page<T> page(List<T> items) {
    int size = args.optionalInteger("limit").orElse(PAGE);
    if (size < 1 || size > MAX_PAGE) {
      throw new InvalidInputException(
          "The argument 'limit' must be between 1 and " + MAX_PAGE + ".",
          "Call the tool again with a smaller limit and follow nextCursor.");
    }
    int offset =
        args.optionalString("cursor")
            .map(c -> cursors.offset(tool, args.withoutCursor(), c))
            .orElse(0);
    int from = Math.min(offset, items.size());
    int to = Math.min(from + size, items.size());
    String next = to < items.size() ? cursors.cursor(tool, args.withoutCursor(), to) : null;
    return new Page<>(items.subList(from, to), items.size(), next);
  }

  /** A page of a longer list; {@code nextCursor} is null on the last page. */
  record Page<T>(List<T> items, int total, String nextCursor) {}
}
