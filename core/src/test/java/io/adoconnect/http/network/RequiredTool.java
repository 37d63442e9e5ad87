package io.adoconnect.http.network;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a program the enterprise-network tests need ({@code squid}, {@code openssl}). Missing, the
 * tests are skipped with the reason — or fail, under {@code -Dado.requireProxy=true}, which {@code
 * scripts/test} sets after installing them.
 */
final class RequiredTool {
  private RequiredTool() {}

  static Path find(String name, String... extraDirs) {
    Optional<Path> found = locate(name, extraDirs);
    if (found.isPresent()) {
      return found.get();
    }
    String why =
        name + " is not installed (Debian: apt-get install " + name + "), so these tests can't run";
    if (Boolean.getBoolean("ado.requireProxy")) {
      Assertions.fail("The enterprise network tests must run (ado.requireProxy=true), but " + why);
    }
    Assumptions.abort("SKIPPED: " + why + ". Set -Dado.requireProxy=true to make this a failure.");
    throw new AssertionError("unreachable");
  }

  private static Optional<Path> locate(String name, String... extraDirs) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir :
        (path + File.pathSeparator + String.join(File.pathSeparator, extraDirs))
            .split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Optional.of(Path.of(dir, name));
      }
    }
    return Optional.empty();
  }
}
