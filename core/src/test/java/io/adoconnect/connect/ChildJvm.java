package io.adoconnect.connect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link RefreshChild} in its own JVM on this JVM's class path, read line by line. */
final class ChildJvm implements AutoCloseable {
  /** Small, quick-starting JVMs: the kill loop starts hundreds. */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-XX:-UsePerfData",
          "-Xshare:auto",
          "-Xmx128m",
          "-Xlog:disable",
          "-Xlog:all=error:stderr",
          "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final AtomicInteger renewals = new AtomicInteger();
  private final CountDownLatch firstRenewal = new CountDownLatch(1);
  private final Writer stdin;
  private final Thread reader;

  private ChildJvm(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.equals("R")) {
                    renewals.incrementAndGet();
                    firstRenewal.countDown();
                  } else {
                    lines.add(line);
                  }
                }
              } catch (IOException ignored) {
                // the process was killed
              }
              lines.add("EOF");
            },
            "child-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static ChildJvm start(Path stderr, List<String> extraJvmOptions, String... args) {
    return start(stderr, System.getProperty("java.class.path"), extraJvmOptions, args);
  }

  static ChildJvm start(
      Path stderr, String classPath, List<String> extraJvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(extraJvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(RefreshChild.class.getName());
    command.addAll(List.of(args));
    try {
      return new ChildJvm(
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * This JVM's class path with each directory packed into a jar under {@code into}: class-data
   * sharing archives accept only jars.
   */
  static String jarredClassPath(Path into) throws IOException {
    java.util.spi.ToolProvider jar =
        java.util.spi.ToolProvider.findFirst("jar")
            .orElseThrow(() -> new IOException("no jar tool in this JDK"));
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (java.nio.file.Files.isDirectory(path)) {
        Path packed = into.resolve("classes-" + (n++) + ".jar");
        java.io.StringWriter log = new java.io.StringWriter();
        java.io.PrintWriter printer = new java.io.PrintWriter(log);
        if (jar.run(
                printer,
                printer,
                "--create",
                "--file",
                packed.toString(),
                "-C",
                path.toString(),
                ".")
            != 0) {
          throw new IOException("jar failed: " + log);
        }
        entries.add(packed.toString());
      } else {
        entries.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** The next line other than the renewal ticks; fails after {@code seconds}. */
  String nextLine(int seconds) throws InterruptedException {
    String line = lines.poll(seconds, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("the child printed nothing for " + seconds + " s");
    }
    return line;
  }

  void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  /** Renewals the child finished (its {@code R} lines read so far). */
  /** Waits until the child reports its first finished renewal; false if it didn't in time. */
  boolean awaitFirstRenewal(int seconds) throws InterruptedException {
    return firstRenewal.await(seconds, TimeUnit.SECONDS);
  }

  int renewals() {
    return renewals.get();
  }

  /** SIGKILL, wait for it to be gone and for what it printed before to be read. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the child survived SIGKILL");
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
  }

  int waitFor(int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not end within " + seconds + " s");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
