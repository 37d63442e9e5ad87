package io.adoconnect.bench;

import io.adoconnect.auth.Secret;
import io.adoconnect.bench.attack.Launcher;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.Applications;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.connect.PatTarget;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Owner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code scripts/bench service}: a team deployment under load. Seeds end users of one application
 * (two PAT accounts each, Services organizations of the in-process simulator) into PostgreSQL, then
 * drives the API open-loop — requests leave at a fixed rate whatever the answers do, and each
 * latency counts from when its request was due, so a slow answer can't hide the queue behind it —
 * for a while against one {@code serve --team} process, then against three behind HAProxy
 * (round-robin, active health checks), same database, same machine. Requests: account listing (2 in
 * 5), sources, repository listing and event reads (1 in 5 each), each for a random end user. Prints
 * each run's throughput, p50/p99, errors and memory (RSS) per process, and one RESULT line.
 *
 * <p>Usage: {@code ServiceBenchmark --root CHECKOUT [--users N] [--rate R] [--seconds S]
 * [--instances 1|3|both]}; the database comes from {@code ADO_CONNECT_DATABASE_URL} (scripts/bench
 * starts a throwaway cluster with scripts/pg).
 */
public final class ServiceBenchmark {
  private static final String PAT = "benchservicepat0q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8";
  private static final String[] PATHS = {
    "/api/accounts", "/api/accounts", "/api/sources", "/api/repositories", "/api/events"
  };

  private ServiceBenchmark() {}

  record Run(
      String name,
      int requests,
      int errors,
      double seconds,
      double p50,
      double p99,
      double max,
      int maxInFlight,
      List<Long> rssMb) {
    String line() {
      return String.format(
          Locale.ROOT,
          "%s: %d requests in %.1f s (%.1f/s), %d errors, p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
              + " at most %d in flight, RSS %s MB",
          name,
          requests,
          seconds,
          requests / seconds,
          errors,
          p50,
          p99,
          max,
          maxInFlight,
          rssMb);
    }
  }

  public static void main(String[] args) throws Exception {
    Path root = null;
    int users = 10_000;
    int rate = 100;
    int seconds = 60;
    String instances = "both";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--users" -> users = Integer.parseInt(args[++i]);
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--instances" -> instances = args[++i];
        default -> {
          System.err.println(
              "usage: scripts/bench service [--users N] [--rate R] [--seconds S]"
                  + " [--instances 1|3|both]");
          System.exit(2);
        }
      }
    }
    Map<String, String> env = new HashMap<>();
    for (String name :
        List.of(
            "ADO_CONNECT_DATABASE_URL",
            "ADO_CONNECT_DATABASE_PASSWORD_FILE",
            "ADO_CONNECT_DATABASE_USER")) {
      Optional.ofNullable(System.getenv(name)).ifPresent(v -> env.put(name, v));
    }
    if (!env.containsKey("ADO_CONNECT_DATABASE_URL")) {
      System.err.println("scripts/bench service: ADO_CONNECT_DATABASE_URL is needed (scripts/pg)");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("ado-connect-bench-service-");
    Launcher launcher = new Launcher(root, work);
    SimulatorConfig config =
        SimulatorConfig.builder().orgs(2).projects(2).repos(5).pat(PAT).build();
    try (Simulator simulator = Simulator.start(config)) {
      env.putAll(SimulatorEnv.endpoints(simulator.baseUri()));
      env.put("ADO_CONNECT_KEY_FILE", work.resolve("key").toString());
      env.put("ADO_CONNECT_LOG_LEVEL", "warn"); // an access line per request would be the load
      long seedStart = System.nanoTime();
      String key = seed(env, work.resolve("seed"), users);
      System.out.printf(
          Locale.ROOT,
          "seeded %d end users with 2 accounts each in %.0f s%n",
          users,
          (System.nanoTime() - seedStart) / 1e9);
      List<Run> runs = new ArrayList<>();
      if (!instances.equals("3")) {
        runs.add(one(launcher, env, work, key, users, rate, seconds));
      }
      if (!instances.equals("1")) {
        runs.add(three(launcher, env, work, key, users, rate, seconds));
      }
      launcher.killAll();
      StringBuilder result =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "RESULT service users=%d accounts=%d rate=%d/s seconds=%d",
                  users,
                  users * 2,
                  rate,
                  seconds));
      for (Run run : runs) {
        System.out.println(run.line());
        result.append(
            String.format(
                Locale.ROOT,
                " | %s: p50=%.1fms p99=%.1fms errors=%d throughput=%.1f/s rss=%sMB",
                run.name(),
                run.p50(),
                run.p99(),
                run.errors(),
                run.requests() / run.seconds(),
                run.rssMb().toString().replace(" ", "")));
      }
      if (runs.size() == 2 && runs.get(0).p99() > 0) {
        result.append(
            String.format(
                Locale.ROOT, " | p99 three/one=%.2f", runs.get(1).p99() / runs.get(0).p99()));
      }
      System.out.println(result);
    } finally {
      launcher.killAll();
    }
    System.exit(0);
  }

  /** One application, {@code users} end users with two PAT accounts each; the application's key. */
  private static String seed(Map<String, String> env, Path dataDir, int users) throws Exception {
    ConnectSettings settings = ConnectSettings.fromEnvironment(dataDir, env);
    try (AdoConnect root = AdoConnect.open(settings)) {
      Applications.NewKey app = root.applications().create("bench", Optional.empty());
      ExecutorService pool = Executors.newFixedThreadPool(16, ServiceBenchmark::daemon);
      List<Future<?>> done = new ArrayList<>();
      AtomicInteger seeded = new AtomicInteger();
      for (int i = 0; i < users; i++) {
        Owner owner = new Owner(app.application().id(), "user-" + i);
        done.add(
            pool.submit(
                () -> {
                  AdoConnect mine = root.forOwner(owner);
                  mine.connectPat(PatTarget.services(List.of("org-001")), Secret.of(PAT));
                  mine.connectPat(PatTarget.services(List.of("org-002")), Secret.of(PAT));
                  int n = seeded.incrementAndGet();
                  if (n % 1000 == 0) {
                    System.err.printf("  seeded %d end users%n", n);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      return app.key().reveal();
    }
  }

  private static Run one(
      Launcher launcher,
      Map<String, String> env,
      Path work,
      String key,
      int users,
      int rate,
      int seconds)
      throws Exception {
    Map<String, String> mine = new HashMap<>(env);
    mine.put("ADO_CONNECT_HOME", Files.createDirectories(work.resolve("one")).toString());
    // team mode on PostgreSQL names its public address, even alone
    int port = freePort();
    mine.put("ADO_CONNECT_PUBLIC_URL", "http://127.0.0.1:" + port);
    Launcher.Server server =
        launcher.startServer(
            "serve-one", mine, "serve", "--team", "--port", Integer.toString(port));
    Run run =
        drive(
            "one instance",
            server.url(),
            key,
            users,
            rate,
            seconds,
            List.of(server.running().process()));
    server.running().kill();
    return run;
  }

  private static Run three(
      Launcher launcher,
      Map<String, String> env,
      Path work,
      String key,
      int users,
      int rate,
      int seconds)
      throws Exception {
    int front = freePort();
    List<Launcher.Server> servers = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Map<String, String> mine = new HashMap<>(env);
      mine.put("ADO_CONNECT_HOME", Files.createDirectories(work.resolve("three-" + i)).toString());
      // behind the balancer, browsers and callers name the balancer's address
      mine.put("ADO_CONNECT_PUBLIC_URL", "http://127.0.0.1:" + front);
      servers.add(launcher.startServer("serve-three-" + i, mine, "serve", "--team", "--port", "0"));
    }
    Path cfg = work.resolve("haproxy.cfg");
    StringBuilder backends = new StringBuilder();
    for (int i = 0; i < servers.size(); i++) {
      backends.append(
          String.format(
              "  server s%d 127.0.0.1:%d check inter 2s fall 3 rise 2%n",
              i + 1, servers.get(i).url().getPort()));
    }
    Files.writeString(
        cfg,
        String.format(
            "global%n  maxconn 4096%ndefaults%n  mode http%n  timeout connect 5s%n"
                + "  timeout client 60s%n  timeout server 60s%n"
                + "frontend fe%n  bind 127.0.0.1:%d%n  default_backend be%n"
                + "backend be%n  balance roundrobin%n  timeout check 5s%n  option httpchk%n"
                + "  http-check send meth GET uri /api/health hdr Host 127.0.0.1:%d%n%s",
            front, front, backends),
        StandardCharsets.UTF_8);
    Process haproxy =
        new ProcessBuilder("haproxy", "-db", "-f", cfg.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("haproxy.log").toFile())
            .start();
    try {
      URI url = URI.create("http://127.0.0.1:" + front);
      awaitUp(url);
      List<Process> processes = new ArrayList<>();
      servers.forEach(s -> processes.add(s.running().process()));
      processes.add(haproxy);
      return drive("three instances behind HAProxy", url, key, users, rate, seconds, processes);
    } finally {
      haproxy.destroy();
      haproxy.waitFor(10, TimeUnit.SECONDS);
      haproxy.destroyForcibly();
      for (Launcher.Server s : servers) {
        s.running().kill();
      }
    }
  }

  /**
   * Sends {@code rate} requests a second for {@code seconds} (after a warm-up of a tenth of that,
   * at least 5 s, not counted), open-loop.
   */
  private static Run drive(
      String name, URI base, String key, int users, int rate, int seconds, List<Process> processes)
      throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(8, ServiceBenchmark::daemon))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    int warmUp = Math.max(5, seconds / 10) * rate;
    int total = warmUp + seconds * rate;
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    Map<String, ConcurrentLinkedQueue<Long>> byPath =
        new java.util.concurrent.ConcurrentHashMap<>();
    AtomicInteger errors = new AtomicInteger();
    java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> errorKinds =
        new java.util.concurrent.ConcurrentHashMap<>();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(total);
    java.util.Random random = new java.util.Random(42);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    long measuredFrom = start + warmUp * interval;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve(PATHS[i % PATHS.length]))
              .header("Authorization", "Bearer " + key)
              .header("X-End-User", "user-" + random.nextInt(users))
              .timeout(Duration.ofSeconds(30))
              .build();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      boolean counted = due >= measuredFrom;
      client
          .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete(
              (response, failure) -> {
                inFlight.decrementAndGet();
                if (counted) {
                  long took = System.nanoTime() - due;
                  latencies.add(took);
                  byPath
                      .computeIfAbsent(request.uri().getPath(), k -> new ConcurrentLinkedQueue<>())
                      .add(took);
                  if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                    String kind =
                        failure != null
                            ? failure.getClass().getSimpleName()
                            : response.statusCode() + " " + request.uri().getPath();
                    errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                  }
                }
                finished.countDown();
              });
    }
    finished.await(2, TimeUnit.MINUTES);
    double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    List<Long> rss = new ArrayList<>();
    for (Process p : processes) {
      rss.add(rssMb(p.pid()));
    }
    for (Map.Entry<String, ConcurrentLinkedQueue<Long>> path :
        new java.util.TreeMap<>(byPath).entrySet()) {
      long[] each = path.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          Locale.ROOT,
          "  %s, %s: %d requests, p50 %.1f ms, p99 %.1f ms%n",
          name,
          path.getKey(),
          each.length,
          percentile(each, 0.50),
          percentile(each, 0.99));
    }
    if (!errorKinds.isEmpty()) {
      System.out.println("  " + name + ", errors by kind: " + errorKinds);
    }
    int measured = sorted.length;
    int missing = seconds * rate - measured;
    return new Run(
        name,
        measured,
        errors.get() + Math.max(0, missing),
        elapsed,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
        maxInFlight.get(),
        rss);
  }

  private static Thread daemon(Runnable work) {
    Thread thread = new Thread(work);
    thread.setDaemon(true);
    return thread;
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int at = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, at)] / 1e6;
  }

  private static long rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.trim().split("\\s+");
          return Long.parseLong(parts[1]) / 1024;
        }
      }
    } catch (IOException | NumberFormatException gone) {
      // the process ended; reported as 0
    }
    return 0;
  }

  private static void awaitUp(URI base) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(base.resolve("/api/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the balancer or its backends are still starting
      }
      Thread.sleep(200); // polling for the balancer's first healthy backend; no event to wait on
    }
    throw new IllegalStateException("HAProxy did not answer /api/health within 30 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }
}
