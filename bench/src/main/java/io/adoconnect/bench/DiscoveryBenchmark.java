package io.adoconnect.bench;

import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.discovery.DiscoveryResult;
import io.adoconnect.discovery.DiscoveryScope;
import io.adoconnect.discovery.RepositoryDiscovery;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.organizations.MemberAccount;
import io.adoconnect.organizations.OrganizationsClient;
import io.adoconnect.projects.Project;
import io.adoconnect.projects.ProjectsClient;
import io.adoconnect.repositories.RepositoriesClient;
import io.adoconnect.repositories.Repository;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Measures full profile discovery — profile → accounts → repositories of every organization — two
 * ways against the in-process simulator: ado-connect's {@link RepositoryDiscovery} (one org-level
 * listing per organization, organizations in parallel) and the baseline most tools use (each
 * organization's projects, then each project's repositories, one request at a time). Prints a table
 * and, as its last line, a machine-readable {@code RESULT …} line; exits 1 when a target is missed.
 *
 * <p>Run through {@code scripts/bench discovery [options]}; {@code --help} lists the options.
 */
public final class DiscoveryBenchmark {
  static final double TARGET_REQUESTS_RATIO = 50;
  static final double TARGET_WALL_RATIO = 20;
  static final double TARGET_CRITICAL_PATH_FACTOR = 2;

  /** Profile, accounts, then every organization's listing in parallel. */
  static final int CRITICAL_PATH_ROUND_TRIPS = 3;

  static final int EXIT_TARGET_MISSED = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_RESULTS_DIFFER = 3;

  private static final PrintStream out = System.out;

  /**
   * One variant of discovery: finds the ids of every cloneable repository the simulator's user can
   * reach.
   */
  interface Variant extends Function<Simulator, Set<String>> {}

  record Options(
      int orgs, int projects, int repos, int latencyMs, int runs, int baselineRuns, int warmups) {
    static final String USAGE =
        """
        Usage: scripts/bench discovery [--orgs N] [--projects N] [--repos N] [--latency-ms N]
                                       [--runs N] [--baseline-runs N] [--warmups N]

        Full profile discovery (profile -> accounts -> every organization's repositories) against the
        in-process simulator, measured two ways:
          ado-connect  RepositoryDiscovery: one org-level GET {org}/_apis/git/repositories per
                       organization, organizations in parallel (bound %d)
          baseline     each organization's projects, then each project's repositories, one
                       request at a time (what most tools do)

          --orgs N           organizations                          (default 20)
          --projects N       projects per organization              (default 100)
          --repos N          repositories per Git project           (default 10)
          --latency-ms N     latency the simulator adds per request (default 20)
          --runs N           measured runs of ado-connect           (default 7; the median is reported)
          --baseline-runs N  measured runs of the baseline          (default 3; each takes about
                             orgs x (projects + 1) x latency, ~42 s with the defaults)
          --warmups N        unmeasured runs of each variant on a small simulator, then of
                             ado-connect on the measured one, before measuring   (default 5)

        Targets: requests_ratio >= %.0f, wall_ratio >= %.0f, ado-connect median <= %.0f x critical path
        (critical path = %d round trips x latency). The last line printed is
          RESULT requests_ratio=.. wall_ratio=.. ours_ms=.. baseline_ms=.. critical_path_ms=.. ours_vs_critical_path=..
        Exit status: 0 targets met, 1 a target missed, 2 usage error, 3 the two variants found different repositories.
        """
            .formatted(
                RepositoryDiscovery.DEFAULT_PARALLELISM,
                TARGET_REQUESTS_RATIO,
                TARGET_WALL_RATIO,
                TARGET_CRITICAL_PATH_FACTOR,
                CRITICAL_PATH_ROUND_TRIPS);

    static final Set<String> OPTIONS =
        Set.of(
            "--orgs",
            "--projects",
            "--repos",
            "--latency-ms",
            "--runs",
            "--baseline-runs",
            "--warmups");

    static Options parse(String[] args) {
      int orgs = 20,
          projects = 100,
          repos = 10,
          latency = 20,
          runs = 7,
          baselineRuns = 3,
          warmups = 5;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("-h") || arg.equals("--help")) {
          throw new HelpRequested();
        }
        int eq = arg.indexOf('=');
        String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
        if (!OPTIONS.contains(name)) {
          throw new UsageException(
              name.startsWith("-") ? "unknown option " + name : "unexpected argument " + name);
        }
        String value;
        if (eq > 0) {
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new UsageException(name + " needs a value");
        }
        int n = number(name, value);
        switch (name) {
          case "--orgs" -> orgs = n;
          case "--projects" -> projects = n;
          case "--repos" -> repos = n;
          case "--latency-ms" -> latency = n;
          case "--runs" -> runs = atLeastOne(name, n);
          case "--baseline-runs" -> baselineRuns = atLeastOne(name, n);
          case "--warmups" -> warmups = n;
          default -> throw new UsageException("unknown option " + name);
        }
      }
      if (orgs < 1) {
        throw new UsageException("--orgs must be at least 1");
      }
      return new Options(orgs, projects, repos, latency, runs, baselineRuns, warmups);
    }

    private static int number(String name, String value) {
      try {
        int n = Integer.parseInt(value);
        if (n < 0) {
          throw new UsageException(name + " must not be negative");
        }
        return n;
      } catch (NumberFormatException e) {
        throw new UsageException(name + " needs a whole number, not '" + value + "'");
      }
    }

    private static int atLeastOne(String name, int n) {
      if (n < 1) {
        throw new UsageException(name + " must be at least 1");
      }
      return n;
    }
  }

  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static final class HelpRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** Requests and wall time of each measured run of one variant. */
  record Runs(String name, long[] requests, double[] millis) {
    double medianMillis() {
      return median(millis);
    }

    long medianRequests() {
      long[] sorted = requests.clone();
      Arrays.sort(sorted);
      return sorted[sorted.length / 2];
    }

    String each() {
      return Arrays.stream(millis)
          .mapToObj(ms -> fmt("%.1f", ms))
          .collect(Collectors.joining(", "));
    }
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT); // "12.5", not "12,5": the RESULT line is parsed by scripts
    Options options;
    try {
      options = Options.parse(args);
    } catch (HelpRequested e) {
      out.print(Options.USAGE);
      return;
    } catch (UsageException e) {
      System.err.println("discovery benchmark: " + e.getMessage());
      System.err.print(Options.USAGE);
      System.exit(EXIT_USAGE);
      return;
    }
    System.exit(run(options));
  }

  static int run(Options o) {
    SimulatorConfig config =
        SimulatorConfig.builder()
            .orgs(o.orgs())
            .projects(o.projects())
            .repos(o.repos())
            .latencyMs(o.latencyMs())
            .build();
    Variant ours = DiscoveryBenchmark::adoConnect;
    Variant baseline = DiscoveryBenchmark::baseline;

    out.printf(
        "Discovery benchmark: %d orgs x %d projects x %d repos, %d ms simulator latency, %d CPUs, Java %s%n",
        o.orgs(),
        o.projects(),
        o.repos(),
        o.latencyMs(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));

    out.printf("load average at start: %s%n", loadAverage());

    // Warm-up (JIT, class loading, Jackson's caches), unmeasured: each variant --warmups times on a
    // small separate simulator (2 orgs x 20 projects x 10 repos, same latency), which keeps the
    // baseline's warm-up to seconds; then ado-connect --warmups times on the measured simulator,
    // because its hot path is 1000-repository pages that the small one doesn't have. The first of
    // those also fills the simulator's cache of org-level listing JSON (built once per org, then
    // served as bytes), so server-side JSON generation isn't billed to ado-connect.
    int warmups = o.warmups();
    if (warmups > 0) {
      out.printf(
          "warm-up: %d unmeasured runs of each variant on a 2 x 20 x 10 simulator, then %d of ado-connect"
              + " on the measured one...%n",
          warmups, warmups);
      try (Simulator small =
          Simulator.start(config.toBuilder().orgs(2).projects(20).repos(10).build())) {
        for (int i = 0; i < warmups; i++) {
          ours.apply(small);
          baseline.apply(small);
        }
      }
    }

    try (Simulator sim = Simulator.start(config)) {
      for (int i = 0; i < Math.max(1, warmups); i++) {
        ours.apply(sim);
      }

      Set<String>[] found = newSetArray(2);
      Runs oursRuns = measure("ado-connect", ours, sim, o.runs(), found, 0);
      out.printf(
          "measuring baseline: %d run(s), each about %.0f s...%n",
          o.baselineRuns(), (2 + o.orgs() * (1.0 + o.projects())) * o.latencyMs() / 1000.0);
      Runs baselineRuns = measure("baseline", baseline, sim, o.baselineRuns(), found, 1);

      if (!found[0].equals(found[1])) {
        Set<String> onlyOurs = new HashSet<>(found[0]);
        onlyOurs.removeAll(found[1]);
        Set<String> onlyBaseline = new HashSet<>(found[1]);
        onlyBaseline.removeAll(found[0]);
        System.err.printf(
            "discovery benchmark: the variants found different repositories: ado-connect %d, baseline %d;"
                + " only ado-connect: %d (e.g. %s), only baseline: %d (e.g. %s)%n",
            found[0].size(),
            found[1].size(),
            onlyOurs.size(),
            onlyOurs.stream().limit(3).toList(),
            onlyBaseline.size(),
            onlyBaseline.stream().limit(3).toList());
        return EXIT_RESULTS_DIFFER;
      }
      out.printf("load average at end: %s%n", loadAverage());
      return report(o, oursRuns, baselineRuns, found[0].size());
    } catch (ResultsDiffer e) {
      System.err.println("discovery benchmark: " + e.getMessage());
      return EXIT_RESULTS_DIFFER;
    }
  }

  static final class ResultsDiffer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResultsDiffer(String message) {
      super(message);
    }
  }

  private static Runs measure(
      String name, Variant variant, Simulator sim, int runs, Set<String>[] found, int slot) {
    long[] requests = new long[runs];
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      sim.resetCounts();
      long started = System.nanoTime();
      Set<String> ids = variant.apply(sim);
      millis[i] = (System.nanoTime() - started) / 1e6;
      requests[i] = sim.requestCount();
      if (found[slot] == null) {
        found[slot] = ids;
      } else if (!found[slot].equals(ids)) {
        throw new ResultsDiffer(
            name
                + " found "
                + ids.size()
                + " repositories in run "
                + (i + 1)
                + " but "
                + found[slot].size()
                + " in run 1");
      }
      out.printf("  %-12s run %d: %5d requests %10.1f ms%n", name, i + 1, requests[i], millis[i]);
    }
    return new Runs(name, requests, millis);
  }

  private static int report(Options o, Runs ours, Runs baseline, int repositories) {
    double oursMs = ours.medianMillis();
    double baselineMs = baseline.medianMillis();
    long oursRequests = ours.medianRequests();
    long baselineRequests = baseline.medianRequests();
    double requestsRatio = (double) baselineRequests / oursRequests;
    double wallRatio = baselineMs / oursMs;
    int criticalPathMs = CRITICAL_PATH_ROUND_TRIPS * o.latencyMs();
    double oursVsCritical =
        criticalPathMs == 0 ? Double.POSITIVE_INFINITY : oursMs / criticalPathMs;

    out.println();
    out.printf("Both variants found the same %d cloneable repositories.%n%n", repositories);
    out.printf("%-32s %9s %14s   %s%n", "variant", "requests", "median wall", "runs (ms)");
    out.printf(
        "%-32s %9d %11.1f ms   %s%n",
        "ado-connect (org-level, par " + RepositoryDiscovery.DEFAULT_PARALLELISM + ")",
        oursRequests,
        oursMs,
        ours.each());
    out.printf(
        "%-32s %9d %11.1f ms   %s%n",
        "baseline (per project, serial)", baselineRequests, baselineMs, baseline.each());
    out.printf("%-32s %8.1fx %13.1fx%n", "baseline / ado-connect", requestsRatio, wallRatio);
    out.printf(
        "%-32s %9d %11d ms   (%d round trips x %d ms)%n",
        "critical path",
        CRITICAL_PATH_ROUND_TRIPS,
        criticalPathMs,
        CRITICAL_PATH_ROUND_TRIPS,
        o.latencyMs());
    out.printf("%-32s %26s%n", "ado-connect / critical path", fmt("%.2fx", oursVsCritical));
    out.println();

    List<String> failed = new ArrayList<>();
    failed.addAll(
        check(
            fmt("requests_ratio %.1f >= %.0f", requestsRatio, TARGET_REQUESTS_RATIO),
            requestsRatio >= TARGET_REQUESTS_RATIO));
    failed.addAll(
        check(
            fmt("wall_ratio %.1f >= %.0f", wallRatio, TARGET_WALL_RATIO),
            wallRatio >= TARGET_WALL_RATIO));
    failed.addAll(
        check(
            fmt(
                "ours_ms %.1f <= %.0f x critical path (%.0f ms)",
                oursMs, TARGET_CRITICAL_PATH_FACTOR, TARGET_CRITICAL_PATH_FACTOR * criticalPathMs),
            oursMs <= TARGET_CRITICAL_PATH_FACTOR * criticalPathMs));
    out.println();
    if (!failed.isEmpty()) {
      out.println("FAILED targets: " + String.join("; ", failed));
    }
    out.printf(
        "RESULT requests_ratio=%.1f wall_ratio=%.1f ours_ms=%.1f baseline_ms=%.1f critical_path_ms=%d ours_vs_critical_path=%.2f%n",
        requestsRatio, wallRatio, oursMs, baselineMs, criticalPathMs, oursVsCritical);
    return failed.isEmpty() ? 0 : EXIT_TARGET_MISSED;
  }

  private static List<String> check(String what, boolean met) {
    out.printf("target %-58s %s%n", what, met ? "met" : "MISSED");
    return met ? List.of() : List.of(what);
  }

  /** (a) ado-connect: profile → accounts → one org-level listing per organization, in parallel. */
  static Set<String> adoConnect(Simulator sim) {
    AzureDevOpsEndpoints endpoints = AzureDevOpsEndpoints.allAt(sim.baseUri());
    AzureDevOpsHttp http = http(sim);
    RepositoryDiscovery discovery =
        new RepositoryDiscovery(endpoints, org -> http, RepositoryDiscovery.DEFAULT_PARALLELISM);
    DiscoveryResult result =
        discovery.discover(
            discovery.organizations(DiscoveryScope.saved(List.of()), http), DiscoveryListener.NONE);
    if (!result.failures().isEmpty()) {
      throw new ResultsDiffer(
          "ado-connect could not search "
              + result.failures().size()
              + " organization(s): "
              + result.failures().get(0).organization()
              + ": "
              + result.failures().get(0).error().getMessage());
    }
    return ids(result.repositories().stream().map(DiscoveredRepository::id).toList());
  }

  /**
   * (b) the baseline: profile → accounts → per organization its projects → per project its
   * repositories, serially.
   */
  static Set<String> baseline(Simulator sim) {
    AzureDevOpsEndpoints endpoints = AzureDevOpsEndpoints.allAt(sim.baseUri());
    AzureDevOpsHttp http = http(sim);
    OrganizationsClient profile = new OrganizationsClient(http, endpoints);
    ProjectsClient projects = new ProjectsClient(http);
    RepositoriesClient repositories = new RepositoriesClient(http);
    List<String> found = new ArrayList<>();
    for (MemberAccount account : profile.accounts(profile.me().id())) {
      Organization org = Organization.services(endpoints, account.accountName());
      for (Project project : projects.list(org)) {
        for (Repository repository : repositories.list(org, project.id())) {
          if (repository.cloneable()) {
            found.add(repository.id());
          }
        }
      }
    }
    return ids(found);
  }

  /**
   * A fresh client per run, so every run starts with cold connections, as a CLI invocation does.
   */
  private static AzureDevOpsHttp http(Simulator sim) {
    return new AzureDevOpsHttp(
        RetryingTransport.standard(), PatCredential.of(Secret.of(sim.config().pat()), false));
  }

  private static Set<String> ids(List<String> ids) {
    Set<String> set = new HashSet<>(ids);
    if (set.size() != ids.size()) {
      throw new ResultsDiffer(
          (ids.size() - set.size()) + " repositories were listed more than once");
    }
    return set;
  }

  /** The 1, 5 and 15 minute load averages (Linux), to tell a quiet machine from a busy one. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      double one = Double.parseDouble(fields[0]);
      int cpus = Runtime.getRuntime().availableProcessors();
      return fields[0]
          + " "
          + fields[1]
          + " "
          + fields[2]
          + (one > cpus ? " (above its " + cpus + " CPUs: other work may inflate timings)" : "");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String>[] newSetArray(int n) {
    return (Set<String>[]) new Set<?>[n];
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private DiscoveryBenchmark() {}
}
