package io.adoconnect.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.http.Json;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Proves that {@code repos --json} streams: 100,000 repositories (50 organizations) discovered and
 * printed by a whole {@code ./ado-connect} process whose heap is capped ({@code -Xmx256m} through
 * {@code JAVA_TOOL_OPTIONS}), once fresh (asking the simulator, keeping the listing in the store)
 * and once from the kept listing; each answer is read back as a JSON array and checked for count
 * and sort order. A whole-list answer ran out of memory at 128 MB with 57,150 repositories.
 *
 * <p>Run through {@code scripts/bench stream [--orgs N] [--projects N] [--repos N] [--heap SIZE]
 * [--latency-ms N]}; exit 0 when both runs printed at least 100,000 repositories in order (or the
 * expected count for other sizes), 1 when not. The last line is {@code RESULT …}.
 */
public final class StreamBenchmark {
  private static final PrintStream out = System.out;

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    Path root = Path.of(".").toAbsolutePath().normalize();
    // The simulator makes about 57% of its repositories cloneable: 175,000 give ~100,000.
    int orgs = 50, projects = 100, repos = 35, latency = 20;
    String heap = "256m";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--orgs" -> orgs = Integer.parseInt(args[++i]);
        case "--projects" -> projects = Integer.parseInt(args[++i]);
        case "--repos" -> repos = Integer.parseInt(args[++i]);
        case "--latency-ms" -> latency = Integer.parseInt(args[++i]);
        case "--heap" -> heap = args[++i];
        case "-h", "--help" -> {
          out.println(
              "Usage: scripts/bench stream [--orgs N] [--projects N] [--repos N] [--heap SIZE]"
                  + " [--latency-ms N]");
          return;
        }
        default -> {
          System.err.println("stream benchmark: unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    System.exit(run(root, orgs, projects, repos, latency, heap));
  }

  static int run(Path root, int orgs, int projects, int repos, int latency, String heap)
      throws Exception {
    Path launcher = root.resolve("ado-connect");
    Path work = Files.createTempDirectory("ado-stream-bench");
    SimulatorConfig config =
        SimulatorConfig.builder()
            .orgs(orgs)
            .projects(projects)
            .repos(repos)
            .latencyMs(latency)
            .build();
    try (Simulator sim = Simulator.start(config)) {
      long expected =
          sim.dataset().organizations().stream()
              .flatMap(o -> o.repositories().stream())
              .filter(r -> r.cloneable())
              .count();
      Map<String, String> env = SimulatorEnv.endpoints(sim.baseUri());
      env.put("ADO_CONNECT_HOME", work.resolve("data").toString());
      env.put("ADO_CONNECT_KEY_FILE", work.resolve("key").toString());
      env.put("ADO_CONNECT_PAT", sim.config().pat());
      out.printf(
          "stream benchmark: %d orgs x %d projects x %d repos (%d cloneable), %d ms latency,"
              + " -Xmx%s%n",
          orgs, projects, repos, expected, latency, heap);
      List<String> connect = new ArrayList<>(List.of("connect", "pat"));
      sim.dataset().organizations().forEach(o -> connect.addAll(List.of("--org", o.name())));
      if (CliBenchmark.exec(launcher, env, connect).exit() != 0) {
        System.err.println("stream benchmark: connect failed");
        return 3;
      }
      Map<String, String> capped = new HashMap<>(env);
      capped.put("JAVA_TOOL_OPTIONS", "-Xmx" + heap);

      sim.resetCounts();
      Run fresh = repos(launcher, capped, work, List.of("repos", "--json", "--refresh"));
      long freshRequests = sim.requestCount();
      sim.resetCounts();
      Run kept = repos(launcher, capped, work, List.of("repos", "--json"));
      long keptRequests = sim.requestCount();

      out.printf(
          "fresh listing: exit %d, %d repositories, sorted %s, %.1f s, %d requests%n",
          fresh.exit, fresh.count, fresh.sorted, fresh.millis / 1000, freshRequests);
      out.printf(
          "kept listing:  exit %d, %d repositories, sorted %s, %.1f s, %d requests%n",
          kept.exit, kept.count, kept.sorted, kept.millis / 1000, keptRequests);
      boolean ok =
          fresh.exit == 0
              && kept.exit == 0
              && fresh.count == expected
              && kept.count == expected
              && fresh.sorted
              && kept.sorted
              && keptRequests == 0;
      if (!ok) {
        out.println("FAILED: " + fresh.stderrTail + kept.stderrTail);
      }
      out.printf(
          "RESULT heap=%s repositories=%d fresh_exit=%d fresh_count=%d fresh_sorted=%s"
              + " fresh_ms=%.0f kept_exit=%d kept_count=%d kept_sorted=%s kept_ms=%.0f"
              + " kept_requests=%d%n",
          heap,
          expected,
          fresh.exit,
          fresh.count,
          fresh.sorted,
          fresh.millis,
          kept.exit,
          kept.count,
          kept.sorted,
          kept.millis,
          keptRequests);
      return ok ? 0 : 1;
    } finally {
      CliBenchmark.deleteTree(work);
    }
  }

  record Run(int exit, long count, boolean sorted, double millis, String stderrTail) {}

  /** Runs one {@code repos --json} into a file and reads the array back one object at a time. */
  private static Run repos(Path launcher, Map<String, String> env, Path work, List<String> args)
      throws IOException, InterruptedException {
    Path stdout = work.resolve("repos.json");
    Path stderr = work.resolve("repos.err");
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException(String.join(" ", command) + " hung");
    }
    double millis = (System.nanoTime() - started) / 1e6;
    long count = 0;
    boolean sorted = true;
    DiscoveredRepository previous = null;
    try (InputStream in = Files.newInputStream(stdout);
        JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
      if (parser.nextToken() == JsonToken.START_ARRAY) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          DiscoveredRepository repo = Json.MAPPER.readValue(parser, DiscoveredRepository.class);
          if (previous != null && DiscoveredRepository.ORDER.compare(previous, repo) > 0) {
            sorted = false;
          }
          previous = repo;
          count++;
        }
      } else {
        sorted = false;
      }
    } catch (IOException e) {
      sorted = false; // not a complete JSON array (an out-of-memory error ends it half-way)
    }
    List<String> err = Files.readAllLines(stderr);
    String tail = String.join("\n", err.subList(Math.max(0, err.size() - 5), err.size()));
    return new Run(process.exitValue(), count, sorted, millis, tail);
  }
}
