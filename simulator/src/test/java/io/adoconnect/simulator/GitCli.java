package io.adoconnect.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} binary for tests, isolated from the machine's configuration (its own
 * HOME, no system config, never a prompt).
 */
final class GitCli {
  /** What a git run printed and how it ended. */
  record Result(int exitCode, String out, String err) {
    Result ok() {
      if (exitCode != 0) {
        throw new AssertionError("git failed (" + exitCode + "): " + err + out);
      }
      return this;
    }
  }

  private final Path home;

  GitCli(Path home) {
    this.home = home;
  }

  Result run(Path dir, String... args) {
    return run(dir, Map.of(), args);
  }

  Result run(Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.startsWith("GIT_"));
    environment.put("HOME", home.toString());
    environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    environment.put("GIT_CONFIG_NOSYSTEM", "1");
    environment.put("GIT_TERMINAL_PROMPT", "0");
    environment.put("GIT_AUTHOR_NAME", "Test Pusher");
    environment.put("GIT_AUTHOR_EMAIL", "pusher@example.com");
    environment.put("GIT_COMMITTER_NAME", "Test Pusher");
    environment.put("GIT_COMMITTER_EMAIL", "pusher@example.com");
    environment.putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      var out = process.getInputStream();
      var err = process.getErrorStream();
      // Small outputs: read stderr on another thread so neither pipe fills up.
      StringBuilder errText = new StringBuilder();
      Thread errReader =
          new Thread(
              () -> {
                try {
                  errText.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                  // the process ended
                }
              });
      errReader.start();
      String outText = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("git " + String.join(" ", args) + " did not end in 120 s");
      }
      errReader.join();
      return new Result(process.exitValue(), outText, errText.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
