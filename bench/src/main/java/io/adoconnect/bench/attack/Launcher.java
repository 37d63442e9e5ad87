package io.adoconnect.bench.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code ./ado-connect} (the launcher users run, which {@code exec}s the JVM, so a SIGKILL
 * hits ado-connect itself) with the run's environment, each process's output in a log file of its
 * own under the work directory (scanned for canaries at the end). Every process started is killed
 * when the run ends, however it ends.
 */
public final class Launcher {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final Path launcher;
  private final Path logs;
  private final List<Process> started = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();

  public Launcher(Path root, Path work) throws IOException {
    this.launcher = root.resolve("ado-connect");
    this.logs = Files.createDirectories(work.resolve("logs"));
    Runtime.getRuntime().addShutdownHook(new Thread(this::killAll, "attack-cleanup"));
  }

  Path logs() {
    return logs;
  }

  /** A running process and its log. */
  public record Running(Process process, Path log) {
    public String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }

    /** SIGKILL and wait until it is gone. */
    public void kill() throws InterruptedException {
      process.destroyForcibly();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("pid " + process.pid() + " survived SIGKILL");
      }
    }
  }

  Running start(String name, Map<String, String> env, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    Path log = logs.resolve(String.format("%04d-%s.log", count.incrementAndGet(), name));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      started.add(process);
      String pids = System.getenv("ADO_CONNECT_ATTACK_PIDS");
      if (pids != null) {
        // scripts/attack kills these too should this JVM itself be killed before its cleanup
        Files.writeString(
            Path.of(pids),
            process.pid() + "\n",
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      }
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      return new Running(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs to the end (at most 3 minutes); the exit code and output. */
  record Result(int exit, String output) {}

  Result run(String name, Map<String, String> env, String stdin, String... args)
      throws InterruptedException {
    Running running = start(name, env, stdin, args);
    if (!running.process().waitFor(3, TimeUnit.MINUTES)) {
      running.kill();
      throw new IllegalStateException("ado-connect " + String.join(" ", args) + " hung");
    }
    return new Result(running.process().exitValue(), running.output());
  }

  /** A server process and the URL it listens on. */
  public record Server(URI url, Running running) {}

  /** Starts a server command and waits (up to 2 minutes) for its "listening on" line. */
  public Server startServer(String name, Map<String, String> env, String... args)
      throws InterruptedException {
    Running running = start(name, env, null, args);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(running.output());
      if (m.find()) {
        return new Server(URI.create(m.group(1)), running);
      }
      if (!running.process().isAlive()) {
        throw new IllegalStateException(name + " exited before listening:\n" + running.output());
      }
      Thread.sleep(100); // polling a log file for a line; no event to wait on
    }
    throw new IllegalStateException(name + " did not listen within 2 minutes");
  }

  public void killAll() {
    for (Process process : started) {
      process.destroyForcibly();
    }
    for (Process process : started) {
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
