package io.adoconnect.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --wait} and {@code --timeout} for commands that start long work (a build, a pipeline run):
 * follow it to its end, with progress on stderr, for at most a while.
 */
public final class WaitOptions {
  @Option(names = "--wait", description = "Wait until it completes.")
  boolean await;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "60m",
      description = "With --wait: give up waiting after this long, e.g. 90s, 30m (default 60m).")
  String timeout;

  /** How long to wait at most; a malformed {@code --timeout} is bad input, before any call. */
  Duration limit() {
    return DurationOption.parse(timeout);
  }

  /** On stderr: what was started, and that the command now waits for it. */
  static void waiting(CliContext ctx, String started, int id, String name) {
    ctx.err().printf("%s %d (%s); waiting for it to complete…%n", started, id, name);
  }

  /** On stderr: one line per state seen while waiting. */
  static void progress(CliContext ctx, String what, int id, Object state) {
    ctx.err().printf("%s %d: %s%n", what, id, state);
  }
}
