package io.adoconnect.mcp;

/**
 * Told of every write tool an agent calls and how it went, whether it ran or was refused: what a
 * team deployment's audit log records for the end user the agent acts for.
 */
@FunctionalInterface
public interface WriteAudit {
  /** Records nothing: a single user's own agent. */
  WriteAudit NONE = (tool, outcome) -> {};

  /** How a write call ended. */
  enum Outcome {
    /** It ran. */
    DONE,
    /** The policy refused it (writes off, tool set not granted, outside the sources). */
    REFUSED,
    /** It ran into an error (bad input, Azure DevOps refused). */
    FAILED
  }

  void record(String tool, Outcome outcome);
}
