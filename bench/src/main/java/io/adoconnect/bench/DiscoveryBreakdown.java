package io.adoconnect.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.discovery.DiscoveryScope;
import io.adoconnect.discovery.RepositoryDiscovery;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Json;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.organizations.MemberAccount;
import io.adoconnect.organizations.OrganizationsClient;
import io.adoconnect.repositories.Repository;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Where ado-connect's discovery time goes, against the same simulator as {@link DiscoveryBenchmark}
 * (20 x 100 x 10, 20 ms): profile + accounts alone, the 20 org-level listings fetched as bytes only
 * (no JSON), the same listings parsed the way core parses them versus straight into records, and
 * {@link RepositoryDiscovery} at several parallelism bounds next to a what-if that changes only the
 * bound and the parse. Variants are interleaved round by round so drift hits them all alike.
 *
 * <p>{@code java -cp bench/target/ado-connect-bench.jar io.adoconnect.bench.DiscoveryBreakdown [rounds]}
 */
public final class DiscoveryBreakdown {
  /** The {"count","value"} envelope read straight into records, without a JsonNode tree in between. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Envelope(List<Repository> value) {}

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    if (System.getProperty(DiscoveryBenchmark.NODELAY) == null) {
      System.setProperty(DiscoveryBenchmark.NODELAY, "true"); // see DiscoveryBenchmark.main
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    SimulatorConfig config = SimulatorConfig.defaults().withOrgs(20).withProjects(100).withRepos(10).withLatencyMs(20);
    try (Simulator sim = Simulator.start(config)) {
      AzureDevOpsEndpoints endpoints = AzureDevOpsEndpoints.allAt(sim.baseUri());
      PatCredential pat = PatCredential.of(Secret.of(sim.config().pat()), false);
      Supplier<AzureDevOpsHttp> fresh = () -> new AzureDevOpsHttp(RetryingTransport.standard(), pat);
      AzureDevOpsHttp probe = fresh.get();
      List<Organization> orgs =
          new RepositoryDiscovery(endpoints, org -> probe, probe, 1).organizations(DiscoveryScope.saved(List.of()));
      byte[] page = probe.send(ApiRequest.get(listing(orgs.get(0)))).body();
      System.out.printf(
          "%d orgs, org-level listing body %,d bytes (%d repositories), %,d bytes in all; %d CPUs%n",
          orgs.size(), page.length, coreParse(page).size(), (long) page.length * orgs.size(),
          Runtime.getRuntime().availableProcessors());

      Map<String, Runnable> variants = new LinkedHashMap<>();
      variants.put("parse 1 page, core (readTree + convertValue)", () -> coreParse(page));
      variants.put("parse 1 page, straight into records", () -> directParse(page));
      variants.put("profile + accounts (2 round trips)", () -> {
        AzureDevOpsHttp http = fresh.get();
        new RepositoryDiscovery(endpoints, org -> http, http, 1).organizations(DiscoveryScope.saved(List.of()));
      });
      for (int par : new int[] {16, 20}) {
        variants.put("20 listings, bytes only, " + par + " threads", () -> bytesOnly(fresh.get(), orgs, par));
      }
      for (int par : new int[] {8, 16, 20, 32}) {
        variants.put("RepositoryDiscovery, parallelism " + par, () -> {
          AzureDevOpsHttp http = fresh.get();
          new RepositoryDiscovery(endpoints, org -> http, http, par)
              .discover(DiscoveryScope.saved(List.of()), DiscoveryListener.NONE);
        });
      }
      variants.put("what-if: 1 thread per org + records parse", () -> whatIf(fresh.get(), endpoints));

      Map<String, List<Double>> times = new LinkedHashMap<>();
      for (int round = -5; round < rounds; round++) { // 5 unmeasured rounds warm everything up
        for (Map.Entry<String, Runnable> variant : variants.entrySet()) {
          long started = System.nanoTime();
          variant.getValue().run();
          if (round >= 0) {
            times.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - started) / 1e6);
          }
        }
      }
      System.out.printf("medians of %d interleaved rounds, after 5 warm-up rounds:%n", rounds);
      times.forEach((name, ms) -> System.out.printf("  %-46s %7.1f ms%n", name, median(ms)));
    }
  }

  private static URI listing(Organization org) {
    return URI.create(org.baseUrl() + "/_apis/git/repositories?api-version=" + org.apiVersion());
  }

  /** What AzureDevOpsHttp.getList does: a JsonNode tree, then convertValue per item. */
  static List<Repository> coreParse(byte[] body) {
    try {
      List<Repository> items = new ArrayList<>();
      for (JsonNode item : Json.MAPPER.readTree(body).path("value")) {
        items.add(Json.MAPPER.convertValue(item, Repository.class));
      }
      return items;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Repository> directParse(byte[] body) {
    try {
      return Json.MAPPER.readValue(body, Envelope.class).value();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void bytesOnly(AzureDevOpsHttp http, List<Organization> orgs, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (Organization org : orgs) {
        work.add(pool.submit(() -> http.send(ApiRequest.get(listing(org)))));
      }
      await(work);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Profile → accounts → every org's listing at once, parsed straight into records: the two suggested changes. */
  private static void whatIf(AzureDevOpsHttp http, AzureDevOpsEndpoints endpoints) {
    OrganizationsClient profile = new OrganizationsClient(http, endpoints);
    List<MemberAccount> accounts = profile.accounts(profile.me().id());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, accounts.size()));
    try {
      List<Future<?>> work = new ArrayList<>();
      for (MemberAccount account : accounts) {
        Organization org = Organization.services(endpoints, account.accountName());
        work.add(pool.submit(() ->
            directParse(http.send(ApiRequest.get(listing(org))).body()).stream().filter(Repository::cloneable).toList()));
      }
      await(work);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(List<Future<?>> work) {
    try {
      for (Future<?> future : work) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private DiscoveryBreakdown() {}
}
