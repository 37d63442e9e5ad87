package io.adoconnect.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} binary for {@link SourceSync}: never prompting ({@code
 * GIT_TERMINAL_PROMPT=0}), with the credential helper given on the command line only (first
 * clearing any other helper, so only ado-connect answers and nothing is written to the clone's
 * config).
 */
final class GitProcess {
  record Result(int exitCode, String out, String err) {}

  private final String helper;
  private final java.util.Map<String, String> environment;
  private final Duration timeout;

  /**
   * @param helper the helper Git runs, as in {@code credential.helper} (e.g. {@code
   *     !'/usr/bin/java' -jar '/opt/ado-connect.jar' credential})
   * @param environment set for Git (and so for the helper it runs) on top of this process's own
   */
  GitProcess(String helper, java.util.Map<String, String> environment, Duration timeout) {
    this.helper = helper;
    this.environment = java.util.Map.copyOf(environment);
    this.timeout = timeout;
  }

  Result run(Path directory, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "credential.helper=",
                "-c",
                "credential.helper=" + helper,
                "-c",
                "credential.useHttpPath=true"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("GIT_ASKPASS", "");
    builder.environment().remove("SSH_ASKPASS");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Result(-1, "", "git could not be run (" + e.getMessage() + "); install Git");
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> err = read(process.getErrorStream());
      CompletableFuture<String> out = read(process.getInputStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "", "git did not finish within " + timeout.toSeconds() + " s");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      process.destroyForcibly();
      return new Result(-1, "", "git's input could not be closed (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      // Stopping (the service shutting down): git must not outlive the process that started it.
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Result(-1, "", "interrupted");
    }
  }

  /** Drains a pipe on a thread of its own, so neither of git's pipes can fill up and block it. */
  private static CompletableFuture<String> read(InputStream stream) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                text.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "git-output");
    reader.setDaemon(true);
    reader.start();
    return text;
  }
}
