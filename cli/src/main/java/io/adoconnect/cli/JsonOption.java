package io.adoconnect.cli;

import picocli.CommandLine.Option;

/** {@code --json} for commands whose output scripts read. */
public final class JsonOption {
  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;
}
