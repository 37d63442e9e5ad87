package io.adoconnect.cli;

import picocli.CommandLine.Option;

/** {@code --limit N} of the operator's logs (deliveries, audit), listed newest first. */
final class NewestFirstOption {
  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "How many, newest first (1-1000; default ${DEFAULT-VALUE}).")
  int limit;
}
