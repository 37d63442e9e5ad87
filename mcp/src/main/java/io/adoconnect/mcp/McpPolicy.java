package io.adoconnect.mcp;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an agent may do: whether write tools exist for it, which {@link ToolSet}s it sees, and
 * whether every tool is confined to the repositories added as sources (and their projects).
 *
 * <p>The deployment sets a ceiling (for stdio, the {@code mcp} command's options; over HTTP, the
 * service's switch), and each caller may hold less (over HTTP, what the person granted on the
 * consent page): the effective policy is {@link #narrowedTo} of both.
 *
 * <pre>{@code
 * McpPolicy ceiling = new McpPolicy(false, ToolSet.all(), true); // read-only, sources only
 * }</pre>
 */
public record McpPolicy(boolean allowWrite, Set<ToolSet> toolSets, boolean sourcesOnly) {
  public McpPolicy {
    toolSets = toolSets == null || toolSets.isEmpty() ? Set.of() : Set.copyOf(toolSets);
  }

  /** Every tool set, read-only, all repositories: what {@code ado-connect mcp} starts with. */
  public static McpPolicy readOnly() {
    return new McpPolicy(false, ToolSet.all(), false);
  }

  /** Every tool set, writes allowed, all repositories. */
  public static McpPolicy everything() {
    return new McpPolicy(true, ToolSet.all(), false);
  }

  public McpPolicy withAllowWrite(boolean allow) {
    return new McpPolicy(allow, toolSets, sourcesOnly);
  }

  public McpPolicy withToolSets(Set<ToolSet> sets) {
    return new McpPolicy(allowWrite, sets, sourcesOnly);
  }

  public McpPolicy withSourcesOnly(boolean only) {
    return new McpPolicy(allowWrite, toolSets, only);
  }

  /** What both allow: write only if both do, the common tool sets, sources only if either is. */
  public McpPolicy narrowedTo(McpPolicy other) {
    EnumSet<ToolSet> common = EnumSet.noneOf(ToolSet.class);
    common.addAll(toolSets);
    common.retainAll(other.toolSets);
    return new McpPolicy(allowWrite && other.allowWrite, common, sourcesOnly || other.sourcesOnly);
  }

  /** Whether a tool of {@code set} that writes (or not) may be listed and called. */
  public boolean allows(ToolSet set, boolean writes) {
    return toolSets.contains(set) && (!writes || allowWrite);
  }
}
