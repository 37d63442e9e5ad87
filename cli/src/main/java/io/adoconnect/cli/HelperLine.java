package io.adoconnect.cli;

import io.adoconnect.store.Owner;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command Git runs as its credential helper: this very ado-connect (the runnable jar, or the
 * class path when run from a build), with the data directory written in, so Git finds the same
 * accounts from any working directory. A shell snippet ({@code !…}) because it has arguments, and
 * so that Git's {@code store} needs no Java at all.
 */
final class HelperLine {
  private HelperLine() {}

  static String of(Path dataDir) {
    return of(dataDir, Owner.LOCAL);
  }

  /**
   * The helper the service runs Git with for {@code owner}'s clones: the same, answering from that
   * owner's accounts.
   */
  static String of(Path dataDir, Owner owner) {
    String command =
        launch() + " credential --data-dir " + quote(dataDir.toAbsolutePath().toString());
    if (!owner.equals(Owner.LOCAL)) {
      command += " " + CredentialCommand.OWNER + " " + quote(owner.key());
    }
    // Git appends the action. Its "store" (after every command that authenticated) is a no-op for
    // ado-connect, which keeps its own tokens: the shell drops the credential without starting
    // Java, which halves the JVMs a successful clone or fetch starts.
    return "!f() { if [ \"$1\" = store ]; then cat >/dev/null; else "
        + command
        + " \"$@\"; fi; }; f";
  }

  /** How to start this ado-connect again from a shell. */
  static String launch() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path code;
    try {
      code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("ado-connect's own location is not a file", e);
    }
    // Git starts it per credential request: the serial collector and the first JIT tier start
    // fastest for a run of a second or so (see the launcher script).
    String jvm = quote(java) + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    return Files.isRegularFile(code) && code.toString().endsWith(".jar")
        ? jvm + " -jar " + quote(code.toString())
        : jvm + " -cp " + quote(System.getProperty("java.class.path")) + " " + Main.class.getName();
  }

  /** Single-quoted for a POSIX shell, always. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
