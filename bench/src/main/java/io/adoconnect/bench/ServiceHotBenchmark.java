package io.adoconnect.bench;

import io.adoconnect.auth.Secret;
import io.adoconnect.auth.entra.EntraSettings;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.connect.DeviceFlowView;
import io.adoconnect.connect.PatTarget;
import io.adoconnect.connect.TokenLookupProbe;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.server.ServerApp;
import io.adoconnect.server.ServerConfig;
import io.adoconnect.server.access.ApiToken;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Owner;
import io.adoconnect.store.Store;
import io.adoconnect.vault.KeyFileSource;
import io.adoconnect.vault.Vault;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * The service's hot paths, in one process against the in-process simulator:
 *
 * <ul>
 *   <li><b>token</b>: a warm Entra access-token lookup ({@code EntraTokens.accessToken}, what every
 *       request to Azure DevOps of a signed-in account asks first) with 100 threads asking at once,
 *       as shipped (held in memory once opened) and as before (read from the store and decrypted
 *       each time). Goal: p50 under 1 ms.
 *   <li><b>listing</b>: {@code GET /api/repositories} of a running service for 20,000 kept
 *       repositories (20 organizations x 100 projects x 18 repositories, about 57% cloneable),
 *       after one fresh listing, read in full by a client. Goal: p50 under 50 ms.
 * </ul>
 *
 * <p>Run through {@code scripts/bench service-hot [--threads N] [--lookups N] [--requests N]
 * [--repos N]}; the last line is {@code RESULT …}; exit 1 when a goal is missed. Not a test: speed
 * is measured here, never asserted in the suite.
 */
public final class ServiceHotBenchmark {
  static final double GOAL_TOKEN_P50_MS = 1.0;
  static final double GOAL_LISTING_P50_MS = 50.0;
  private static final PrintStream out = System.out;

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    int threads = 100, lookups = 200, requests = 30, repos = 18;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--lookups" -> lookups = Integer.parseInt(args[++i]);
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--repos" -> repos = Integer.parseInt(args[++i]);
        case "-h", "--help" -> {
          out.println(
              "Usage: scripts/bench service-hot [--threads N] [--lookups N] [--requests N]"
                  + " [--repos N]");
          return;
        }
        default -> {
          System.err.println("service-hot benchmark: unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    System.exit(run(threads, lookups, requests, repos));
  }

  static int run(int threads, int lookups, int requests, int repos) throws Exception {
    Path work = Files.createTempDirectory("ado-service-hot");
    SimulatorConfig config =
        SimulatorConfig.builder().orgs(20).projects(100).repos(repos).latencyMs(20).build();
    try (Simulator sim = Simulator.start(config)) {
      out.printf(
          "service-hot benchmark: %d CPUs, %s, load %s%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load());
      double[] token = tokens(sim, work.resolve("entra"), threads, lookups, true);
      double[] before = tokens(sim, work.resolve("entra-before"), threads, lookups, false);
      out.printf(
          "token lookup, %d threads x %d: p50 %.3f ms, p99 %.3f ms, %d failed (before: p50 %.3f"
              + " ms, p99 %.3f ms, %d failed)%n",
          threads,
          lookups,
          token[0],
          token[1],
          (long) token[2],
          before[0],
          before[1],
          (long) before[2]);
      double[] listing = listing(sim, work.resolve("service"), requests);
      out.printf(
          "GET /api/repositories, %d kept repositories (%.1f MB, gzipped %.1f MB): p50 %.1f ms,"
              + " p90 %.1f ms with gzip (read and unpacked); p50 %.1f ms without; the fresh"
              + " listing took %.0f ms%n",
          (int) listing[3],
          listing[4] / 1e6,
          listing[6] / 1e6,
          listing[0],
          listing[1],
          listing[5],
          listing[2]);
      List<String> missed = new ArrayList<>();
      if (token[0] >= GOAL_TOKEN_P50_MS || token[2] > 0) {
        missed.add(String.format("token p50 %.3f ms >= %.0f ms", token[0], GOAL_TOKEN_P50_MS));
      }
      if (listing[0] >= GOAL_LISTING_P50_MS) {
        missed.add(
            String.format("listing p50 %.1f ms >= %.0f ms", listing[0], GOAL_LISTING_P50_MS));
      }
      if (!missed.isEmpty()) {
        out.println("MISSED goals: " + String.join("; ", missed));
      }
      out.printf(
          "RESULT token_p50_ms=%.3f token_p99_ms=%.3f before_token_p50_ms=%.3f"
              + " before_token_p99_ms=%.3f listing_repositories=%d listing_p50_ms=%.1f"
              + " listing_p90_ms=%.1f fresh_listing_ms=%.0f%n",
          token[0],
          token[1],
          before[0],
          before[1],
          (int) listing[3],
          listing[0],
          listing[1],
          listing[2]);
      return missed.isEmpty() ? 0 : 1;
    } finally {
      CliBenchmark.deleteTree(work);
    }
  }

  private static ConnectSettings settings(Simulator sim, Path dir) {
    URI base = sim.baseUri();
    return new ConnectSettings(
        dir.resolve("data"),
        AzureDevOpsEndpoints.allAt(base),
        EntraSettings.fromEnvironment(base, Map.of()),
        () -> new KeyFileSource(dir.resolve("key")),
        RetryingTransport.standard(),
        Clock.systemUTC(),
        32);
  }

  /** Signs in with the device flow, then {@code threads} threads look the token up at once. */
  private static double[] tokens(Simulator sim, Path dir, int threads, int lookups, boolean warm)
      throws Exception {
    ConnectSettings settings = settings(sim, dir);
    String accountId;
    String tenant;
    try (AdoConnect ado = AdoConnect.open(settings)) {
      DeviceFlowView flow = ado.startDevice();
      sim.approve(flow.userCode());
      DeviceFlowView done = ado.awaitDevice(flow.flowId(), v -> {}, () -> false);
      accountId = done.account().id();
      tenant = done.account().tenantId();
    }
    try (Store store = Store.open(settings.store(), Owner.LOCAL)) {
      Vault vault = Vault.open(settings.keySource().get());
      Supplier<Secret> lookup =
          warm
              ? TokenLookupProbe.warm(settings, store, vault, accountId, tenant)
              : TokenLookupProbe.fromStore(store, vault, accountId, tenant);
      for (int i = 0; i < 2_000; i++) {
        lookup.get(); // warm-up: JIT, the store's connections, the token held
      }
      long[][] nanos = new long[threads][lookups];
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long[] mine = nanos[t];
        Thread thread =
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  for (int i = 0; i < mine.length; i++) {
                    long began = System.nanoTime();
                    try {
                      lookup.get();
                      mine[i] = System.nanoTime() - began;
                    } catch (RuntimeException e) {
                      mine[i] = -1; // failed (the store stayed busy): counted, not timed
                    }
                  }
                });
        thread.start();
        running.add(thread);
      }
      start.countDown();
      for (Thread thread : running) {
        thread.join();
      }
      long failed = Arrays.stream(nanos).flatMapToLong(Arrays::stream).filter(n -> n < 0).count();
      double[] all =
          Arrays.stream(nanos)
              .flatMapToLong(Arrays::stream)
              .filter(n -> n >= 0)
              .mapToDouble(n -> n / 1e6)
              .toArray();
      Arrays.sort(all);
      return all.length == 0
          ? new double[] {Double.NaN, Double.NaN, failed}
          : new double[] {all[all.length / 2], all[(int) (all.length * 0.99)], failed};
    }
  }

  /**
   * A service with a PAT connected to every organization: one fresh listing, then {@code requests}
   * more, each read to its end. Returns p50, p90, the fresh listing's ms, repositories, bytes.
   */
  private static double[] listing(Simulator sim, Path dir, int requests) throws Exception {
    ConnectSettings settings = settings(sim, dir);
    try (AdoConnect ado = AdoConnect.open(settings)) {
      ado.connectPat(
          PatTarget.services(sim.dataset().organizations().stream().map(o -> o.name()).toList()),
          Secret.of(sim.config().pat()));
      ApiToken token = ApiToken.loadOrCreate(settings.dataDir());
      ServerApp app =
          ServerApp.create(
                  new ServerConfig("127.0.0.1", 0, token, Optional.empty(), Clock.systemUTC()), ado)
              .start();
      try {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request =
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/repositories"))
                .header("Authorization", "Bearer " + token.reveal())
                .build();
        long began = System.nanoTime();
        HttpResponse<byte[]> fresh = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double freshMs = (System.nanoTime() - began) / 1e6;
        if (fresh.statusCode() != 200) {
          throw new IllegalStateException("GET /api/repositories: " + fresh.statusCode());
        }
        int repositories = count(fresh.body());
        for (int i = 0; i < 5; i++) {
          client.send(request, HttpResponse.BodyHandlers.ofByteArray()); // warm-up
        }
        HttpRequest gzipped =
            HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Accept-Encoding", "gzip")
                .build();
        double[] ms = new double[requests];
        double[] plainMs = new double[requests];
        long bytes = 0;
        long packed = 0;
        for (int i = 0; i < requests; i++) {
          long t = System.nanoTime();
          HttpResponse<byte[]> kept = client.send(gzipped, HttpResponse.BodyHandlers.ofByteArray());
          byte[] body;
          try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(kept.body()))) {
            body = in.readAllBytes();
          }
          ms[i] = (System.nanoTime() - t) / 1e6;
          packed = kept.body().length;
          long p = System.nanoTime();
          HttpResponse<byte[]> plain =
              client.send(request, HttpResponse.BodyHandlers.ofByteArray());
          plainMs[i] = (System.nanoTime() - p) / 1e6;
          bytes = plain.body().length;
          if (count(body) != repositories || count(plain.body()) != repositories) {
            throw new IllegalStateException("the kept answer has another count of repositories");
          }
        }
        Arrays.sort(ms);
        Arrays.sort(plainMs);
        return new double[] {
          ms[ms.length / 2],
          ms[(int) (ms.length * 0.9)],
          freshMs,
          repositories,
          bytes,
          plainMs[plainMs.length / 2],
          packed
        };
      } finally {
        app.stop();
      }
    }
  }

  private static int count(byte[] ndjson) {
    String text = new String(ndjson, StandardCharsets.UTF_8);
    int n = 0;
    for (int at = text.indexOf("\"type\":\"repository\"");
        at >= 0;
        at = text.indexOf("\"type\":\"repository\"", at + 1)) {
      n++;
    }
    return n;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
