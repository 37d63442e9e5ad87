package io.adoconnect.bench;

import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Measures the CLI as users run it: whole processes through the {@code ./ado-connect} launcher, on
 * the JDK 17 from {@code PATH}, against the in-process simulator (20 organizations x 100 projects x
 * 10 repositories, 20 ms latency). A machine shared with builds is noisy, so every figure is also
 * given as a ratio to a bare {@code java -XX:+UseSerialGC -version} measured in the same run, runs
 * of the variants interleaved so that load hits both alike.
 *
 * <p>Two variants: <b>fast</b> (as shipped: class-data archive, repository cache) and <b>plain</b>
 * (the launcher's archive and the repository cache turned off with {@code ADO_CONNECT_CDS=off} and
 * {@code ADO_CONNECT_REPOS_CACHE=off}: the old way, kept runnable for comparison).
 *
 * <p>Run through {@code scripts/bench cli [--root CHECKOUT] [--runs N] [--orgs N] [--projects N]
 * [--repos N] [--latency-ms N]}. The last line is {@code RESULT …}; exit 1 when a goal is missed.
 */
public final class CliBenchmark {
  static final double GOAL_START_MS = 300;
  static final double GOAL_REPOS_COLD_MS = 1000;
  static final double GOAL_REPOS_WARM_MS = 300;

  private static final PrintStream out = System.out;

  /** One measured command: its name in the RESULT line and its arguments. */
  record Step(String key, String label, List<String> args, boolean needsRefresh) {}

  /** One way of running the CLI: extra environment. */
  record Variant(String key, Map<String, String> env) {}

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    Path root = Path.of(".").toAbsolutePath().normalize();
    int runs = 5, orgs = 20, projects = 100, repos = 10, latency = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--orgs" -> orgs = Integer.parseInt(args[++i]);
        case "--projects" -> projects = Integer.parseInt(args[++i]);
        case "--repos" -> repos = Integer.parseInt(args[++i]);
        case "--latency-ms" -> latency = Integer.parseInt(args[++i]);
        case "-h", "--help" -> {
          out.println(
              "Usage: scripts/bench cli [--runs N] [--orgs N] [--projects N] [--repos N]"
                  + " [--latency-ms N]");
          return;
        }
        default -> {
          System.err.println("cli benchmark: unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    System.exit(run(root, runs, orgs, projects, repos, latency));
  }

  static int run(Path root, int runs, int orgs, int projects, int repos, int latency)
      throws Exception {
    Path launcher = root.resolve("ado-connect");
    Path work = Files.createTempDirectory("ado-cli-bench");
    SimulatorConfig config =
        SimulatorConfig.builder()
            .orgs(orgs)
            .projects(projects)
            .repos(repos)
            .latencyMs(latency)
            .build();
    try (Simulator sim = Simulator.start(config)) {
      Map<String, String> env = SimulatorEnv.endpoints(sim.baseUri());
      env.put("ADO_CONNECT_HOME", work.resolve("data").toString());
      env.put("ADO_CONNECT_KEY_FILE", work.resolve("key").toString());
      env.put("ADO_CONNECT_PAT", sim.config().pat());

      out.printf(
          "CLI benchmark: %d orgs x %d projects x %d repos, %d ms latency, %d CPUs, %s, median of %d%n",
          orgs,
          projects,
          repos,
          latency,
          Runtime.getRuntime().availableProcessors(),
          javaVersion(),
          runs);
      out.printf("load average at start: %s%n", loadAverage());

      // Builds the jar if the sources changed, then connects every organization (unmeasured).
      List<String> connect = new ArrayList<>(List.of("connect", "pat"));
      sim.dataset().organizations().forEach(o -> connect.addAll(List.of("--org", o.name())));
      Result connected = exec(launcher, env, connect);
      if (connected.exit() != 0) {
        System.err.println("cli benchmark: connect failed:\n" + connected.output());
        return 3;
      }
      boolean hasRefresh =
          exec(launcher, env, List.of("repos", "--help")).output().contains("--refresh");

      List<Step> steps =
          List.of(
              new Step("version", "--version", List.of("--version"), false),
              new Step("help", "--help", List.of("--help"), false),
              new Step("accounts", "accounts", List.of("accounts"), false),
              new Step("sources", "sources list", List.of("sources", "list"), false),
              new Step(
                  "repos_cold", "repos --json (fresh listing)", List.of("repos", "--json"), true),
              new Step("repos_warm", "repos --json again", List.of("repos", "--json"), false));
      Map<String, String> plainEnv = new HashMap<>(env);
      plainEnv.put("ADO_CONNECT_CDS", "off");
      plainEnv.put("ADO_CONNECT_REPOS_CACHE", "off");
      List<Variant> variants = List.of(new Variant("fast", env), new Variant("plain", plainEnv));

      // Warm-up, unmeasured: the launcher's first run creates the class-data archive; the page
      // cache holds the jar; the simulator has built its listing JSON.
      for (Variant v : variants) {
        for (Step s : steps) {
          exec(launcher, v.env(), args(s, hasRefresh));
        }
      }
      int expected = -1;
      Map<String, double[]> millis = new LinkedHashMap<>();
      Map<String, long[]> requests = new LinkedHashMap<>();
      double[] java = new double[runs];
      for (int i = 0; i < runs; i++) {
        java[i] = exec(List.of("java", "-XX:+UseSerialGC", "-version"), Map.of()).millis();
        for (Variant v : variants) {
          for (Step s : steps) {
            String key = v.key() + "_" + s.key();
            sim.resetCounts();
            Result r = exec(launcher, v.env(), args(s, hasRefresh));
            if (r.exit() != 0) {
              System.err.printf(
                  "cli benchmark: %s (%s) failed with exit %d:%n%s%n",
                  s.label(), v.key(), r.exit(), r.output());
              return 3;
            }
            if (s.key().startsWith("repos")) {
              int count = countRepositories(r.stdout());
              if (expected < 0) {
                expected = count;
              } else if (count != expected) {
                System.err.printf(
                    "cli benchmark: %s (%s) printed %d repositories, earlier runs %d%n",
                    s.label(), v.key(), count, expected);
                return 3;
              }
            }
            millis.computeIfAbsent(key, k -> new double[runs])[i] = r.millis();
            requests.computeIfAbsent(key, k -> new long[runs])[i] = sim.requestCount();
          }
        }
        out.printf("  round %d of %d done (load %s)%n", i + 1, runs, loadAverage());
      }
      double javaMs = median(java);
      out.println();
      out.printf("repositories printed by repos --json: %d%n", expected);
      out.printf(
          "%-30s %12s %8s %9s %12s %8s %9s%n",
          "command (median of " + runs + ")",
          "fast",
          "x java",
          "requests",
          "plain",
          "x java",
          "requests");
      out.printf("%-30s %9.1f ms %8s%n", "java -XX:+UseSerialGC -version", javaMs, "1.0");
      StringBuilder result = new StringBuilder(fmt("RESULT java_ms=%.1f", javaMs));
      List<String> missed = new ArrayList<>();
      for (Step s : steps) {
        double fast = median(millis.get("fast_" + s.key()));
        double plain = median(millis.get("plain_" + s.key()));
        long fastRequests = medianLong(requests.get("fast_" + s.key()));
        long plainRequests = medianLong(requests.get("plain_" + s.key()));
        out.printf(
            "%-30s %9.1f ms %7.1fx %9d %9.1f ms %7.1fx %9d%n",
            s.label(), fast, fast / javaMs, fastRequests, plain, plain / javaMs, plainRequests);
        result.append(
            fmt(
                " %s_ms=%.1f %s_x=%.1f plain_%s_ms=%.1f plain_%s_x=%.1f",
                s.key(), fast, s.key(), fast / javaMs, s.key(), plain, s.key(), plain / javaMs));
        double goal =
            switch (s.key()) {
              case "repos_cold" -> GOAL_REPOS_COLD_MS;
              case "repos_warm" -> GOAL_REPOS_WARM_MS;
              default -> GOAL_START_MS;
            };
        if (fast > goal) {
          missed.add(fmt("%s %.0f ms > %.0f ms", s.label(), fast, goal));
        }
        if (s.key().equals("repos_warm")) {
          result.append(" repos_warm_requests=").append(fastRequests);
          if (fastRequests != 0) {
            missed.add("repos --json again made " + fastRequests + " requests, not 0");
          }
        }
      }
      out.println();
      out.printf("each run (ms):%n");
      millis.forEach(
          (k, v) ->
              out.printf(
                  "  %-22s %s%n",
                  k,
                  Arrays.stream(v)
                      .mapToObj(ms -> fmt("%.0f", ms))
                      .collect(Collectors.joining(", "))));
      out.printf(
          "  %-22s %s%n",
          "java -version",
          Arrays.stream(java).mapToObj(ms -> fmt("%.0f", ms)).collect(Collectors.joining(", ")));
      out.printf("load average at end: %s%n", loadAverage());
      if (!missed.isEmpty()) {
        out.println("MISSED goals: " + String.join("; ", missed));
      }
      out.println(result);
      return missed.isEmpty() ? 0 : 1;
    } finally {
      deleteTree(work);
    }
  }

  private static List<String> args(Step s, boolean hasRefresh) {
    List<String> args = new ArrayList<>(s.args());
    if (s.needsRefresh() && hasRefresh) {
      args.add("--refresh");
    }
    return args;
  }

  /** Exit code, stdout, stdout and stderr together, and wall time of one process. */
  record Result(int exit, String stdout, String output, double millis) {}

  static Result exec(Path launcher, Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(args);
    return exec(command, env);
  }

  static Result exec(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("cli-bench", ".out");
    Path stderr = Files.createTempFile("cli-bench", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      long started = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(String.join(" ", command) + " hung");
      }
      double ms = (System.nanoTime() - started) / 1e6;
      String o = Files.readString(stdout, StandardCharsets.UTF_8);
      return new Result(
          process.exitValue(), o, o + Files.readString(stderr, StandardCharsets.UTF_8), ms);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  /** Objects in the printed JSON array: each repository has exactly one "cloneUrl". */
  static int countRepositories(String json) {
    if (!json.stripLeading().startsWith("[")) {
      throw new IllegalStateException("repos --json printed no array: " + json.lines().findFirst());
    }
    int count = 0;
    for (int at = json.indexOf("\"cloneUrl\"");
        at >= 0;
        at = json.indexOf("\"cloneUrl\"", at + 1)) {
      count++;
    }
    return count;
  }

  private static String javaVersion() throws IOException, InterruptedException {
    String version = exec(List.of("java", "-version"), Map.of()).output();
    return version.lines().findFirst().orElse("java ?");
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  static long medianLong(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
