package io.adoconnect.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What commands may touch of the outside world, passed in so tests run commands in-process with
 * their own streams and environment.
 *
 * @param interactive whether a person is at a terminal (prompts and progress bars only then)
 * @param prompt reads a secret without echo; only used when {@code interactive}
 * @param browser opens a URL in the user's browser; false when it couldn't
 */
public record CliContext(
    PrintStream out,
    PrintStream err,
    InputStream in,
    Map<String, String> env,
    boolean interactive,
    SecretPrompt prompt,
    Predicate<URI> browser) {

  /** Reads a line from the terminal without echoing it. */
  @FunctionalInterface
  public interface SecretPrompt {
    char[] read(String prompt);
  }

  public static CliContext system() {
    java.io.Console console = System.console();
    return new CliContext(
        System.out,
        System.err,
        System.in,
        System.getenv(),
        console != null,
        prompt -> console == null ? null : console.readPassword("%s", prompt),
        BrowserOpener::open);
  }
}
