package io.adoconnect.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Option;

/** Options every command accepts. */
public final class CommonOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where accounts and sources are kept (default: $ADO_CONNECT_HOME or ~/.ado-connect).")
  Path dataDir;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log each request (never its credentials) to stderr.")
  boolean verbose;

  Path dataDir(CliContext ctx) {
    if (dataDir != null) {
      return dataDir;
    }
    String home = ctx.env().get("ADO_CONNECT_HOME");
    return home != null && !home.isBlank()
        ? Paths.get(home)
        : Paths.get(System.getProperty("user.home"), ".ado-connect");
  }
}
