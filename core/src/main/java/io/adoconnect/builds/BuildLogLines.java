package io.adoconnect.builds;

import java.util.List;

/**
 * Some lines of one build log: {@code lines} start at line {@code startLine} (1-based) of {@code
 * log}; {@code nextStartLine} is where the next read continues, or null when these reach the end
 * the log had when it was read (a running build's log may grow).
 */
public record BuildLogLines(
    BuildLog log, int startLine, List<String> lines, Integer nextStartLine) {
  public BuildLogLines {
    lines = List.copyOf(lines);
  }
}
