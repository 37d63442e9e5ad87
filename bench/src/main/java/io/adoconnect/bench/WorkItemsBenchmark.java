package io.adoconnect.bench;

import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.workitems.WorkItem;
import io.adoconnect.workitems.WorkItemsClient;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures a large WIQL query read in full — the ids, then every item's fields — three ways against
 * the in-process simulator: ado-connect ({@link WorkItemsClient}: batches of 200, {@value
 * WorkItemsClient#DEFAULT_PARALLELISM} at a time), the same batches one after another, and one
 * {@code GET workitems/{id}} per item after the query (what a tool without the batch API does).
 * Prints one line per run and, last, {@code RESULT …}; exits 1 when ado-connect is not the fastest.
 *
 * <p>Run through {@code scripts/bench workitems [ITEMS [LATENCY_MS [RUNS]]]} (defaults 2000 20 5).
 */
public final class WorkItemsBenchmark {
  private static final String QUERY =
      "SELECT [System.Id], [System.Title], [System.State] FROM WorkItems"
          + " WHERE [System.TeamProject] = @project AND [System.Title] CONTAINS 'Bulk'"
          + " ORDER BY [System.Id]";

  /** One way to read the query's items; returns how many it read. */
  private interface Variant {
    int read(AzureDevOpsHttp http, Organization org, String project);
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    SimulatorConfig config =
        SimulatorConfig.builder().orgs(1).projects(1).repos(1).latencyMs(latencyMs).build();
    try (Simulator sim = Simulator.start(config)) {
      String orgName = sim.dataset().organizations().get(0).name();
      String project = sim.dataset().organizations().get(0).projects().get(0).name();
      sim.addWorkItems(orgName, project, items);
      Organization org = Organization.services(AzureDevOpsEndpoints.allAt(sim.baseUri()), orgName);
      System.out.printf(
          "%d work items, %d ms latency per request, %d runs each, %d CPUs%n",
          items, latencyMs, runs, Runtime.getRuntime().availableProcessors());

      double ours =
          measure(
              "ado-connect",
              sim,
              runs,
              items,
              (http, o, p) ->
                  new WorkItemsClient(http).query(o, p, QUERY, List.of(), Optional.empty()).size(),
              org,
              project);
      double sequential =
          measure(
              "batches-1by1",
              sim,
              runs,
              items,
              (http, o, p) ->
                  new WorkItemsClient(http, 1)
                      .query(o, p, QUERY, List.of(), Optional.empty())
                      .size(),
              org,
              project);
      double perItem =
          measure(
              "per-item", sim, Math.min(runs, 2), items, WorkItemsBenchmark::perItem, org, project);
      System.out.printf(
          "RESULT ours_ms=%.1f sequential_batches_ms=%.1f per_item_ms=%.1f vs_sequential=%.1f vs_per_item=%.1f%n",
          ours, sequential, perItem, sequential / ours, perItem / ours);
      if (!(ours < sequential && ours < perItem)) {
        System.out.println("MISSED: ado-connect should be the fastest of the three");
        System.exit(1);
      }
    }
  }

  /** The query for ids, then each item on its own, one after another. */
  private static int perItem(AzureDevOpsHttp http, Organization org, String project) {
    WorkItemsClient client = new WorkItemsClient(http, 1);
    List<WorkItem> ids =
        client.query(
            org,
            project,
            QUERY.replace("[System.Id], [System.Title], [System.State]", "[System.Id]"),
            List.of("System.Id"),
            Optional.empty());
    int read = 0;
    for (WorkItem item : ids) {
      client.get(org, item.id(), List.of("System.Title", "System.State"));
      read++;
    }
    return read;
  }

  /** The median wall time of {@code runs} runs, each with a fresh client (cold connections). */
  private static double measure(
      String name,
      Simulator sim,
      int runs,
      int items,
      Variant variant,
      Organization org,
      String project) {
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      AzureDevOpsHttp http =
          new AzureDevOpsHttp(
              RetryingTransport.standard(), PatCredential.of(Secret.of(sim.config().pat()), false));
      sim.resetCounts();
      long started = System.nanoTime();
      int read = variant.read(http, org, project);
      millis[i] = (System.nanoTime() - started) / 1e6;
      if (read != items) {
        throw new IllegalStateException(name + " read " + read + " items, not " + items);
      }
      System.out.printf(
          "  %-12s run %d: %5d requests %10.1f ms%n", name, i + 1, sim.requestCount(), millis[i]);
    }
    return DiscoveryBenchmark.median(millis);
  }

  private WorkItemsBenchmark() {}
}
