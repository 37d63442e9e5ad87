package io.adoconnect.cli;

import io.adoconnect.auth.Secret;
import io.adoconnect.auth.entra.EntraSettings;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.connect.ConnectionCheck;
import io.adoconnect.connect.DeviceFlowView;
import io.adoconnect.connect.PatTarget;
import io.adoconnect.connect.RepositoryListing;
import io.adoconnect.connect.RepositoryRef;
import io.adoconnect.connect.SourceView;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.discovery.RepositoryDiscovery;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Account;
import io.adoconnect.vault.KeyFileSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ado-connect demo}: the main job, offline — start the simulator, sign in with the device
 * code flow, connect a Server collection with a PAT, discover repositories, add a source.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Take the tour offline, against the bundled simulator of Entra ID and Azure DevOps.",
      "It signs in with the device code flow, connects a Server collection with a PAT, lists the"
          + " repositories across organizations and adds a source."
    })
public final class DemoCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Keep the demo's data here (default: a temporary directory, deleted afterwards).")
  Path dataDir;

  public DemoCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    PrintStream out = ctx.out();
    Path dir = dataDir != null ? dataDir : Files.createTempDirectory("ado-connect-demo-");
    // The simulator approves the device code itself after 2 s, as a person at the verification page
    // would.
    SimulatorConfig config =
        SimulatorConfig.builder().autoApproveAfterSeconds(2).deviceCodeIntervalSeconds(1).build();
    try (Simulator simulator = Simulator.start(config)) {
      out.printf(
          "1. Started the simulator of Microsoft Entra ID and Azure DevOps on %s (%d organizations, a Server collection).%n",
          simulator.baseUri(), config.orgs());
      AzureDevOpsEndpoints endpoints = AzureDevOpsEndpoints.allAt(simulator.baseUri());
      ConnectSettings settings =
          new ConnectSettings(
              dir,
              endpoints,
              EntraSettings.fromEnvironment(endpoints.login(), Map.of()),
              () -> new KeyFileSource(dir.resolve("key")),
              RetryingTransport.standard(),
              Clock.systemUTC(),
              RepositoryDiscovery.DEFAULT_PARALLELISM);
      try (AdoConnect ado = AdoConnect.open(settings)) {
        DeviceFlowView flow = ado.startDevice();
        out.printf(
            "2. Signing in with Microsoft (device code flow): open %s and enter %s%n",
            flow.verificationUri(), flow.userCode());
        out.printf("   state: %s%n", flow.state());
        DeviceFlowView done =
            ado.awaitDevice(
                flow.flowId(), change -> out.printf("   state: %s%n", change.state()), () -> false);
        Account account = done.account();
        out.printf(
            "   signed in as %s <%s>, tenant %s; organizations %s (tokens sealed in the vault)%n",
            account.displayName(), account.email(), account.tenantId(), account.organizations());

        AdoConnect.Connected server =
            ado.connectPat(
                PatTarget.server(simulator.baseUri() + "/tfs", "DefaultCollection"),
                Secret.of(config.pat()));
        for (ConnectionCheck check : server.checks()) {
          out.printf(
              "3. Connected Azure DevOps Server %s with a PAT: %d projects, %d repositories, REST %s%n",
              check.url(), check.projects(), check.repositories(), check.apiVersion());
        }

        RepositoryListing listing =
            ado.repositories(Optional.empty(), Optional.empty(), DiscoveryListener.NONE);
        List<DiscoveredRepository> repos = listing.repositories();
        out.printf(
            "4. Discovered %d cloneable repositories across %d organizations and collections:%n",
            repos.size(),
            repos.stream().map(DiscoveredRepository::organization).distinct().count());
        Output.table(
            out,
            List.of("   REPOSITORY", "DEFAULT BRANCH", "CLONE URL"),
            repos.stream()
                .limit(8)
                .map(r -> List.of("   " + r.path(), Output.orDash(r.defaultBranch()), r.cloneUrl()))
                .toList());
        if (repos.size() > 8) {
          out.printf("   … and %d more (ado-connect repos lists them all)%n", repos.size() - 8);
        }
        listing
            .failures()
            .forEach(
                f ->
                    out.printf(
                        "   skipped %s: %s%n   %s%n",
                        f.organization(),
                        f.error().getMessage(),
                        NextStepCommand.hint(f.error().nextStep())));

        DiscoveredRepository pick = repos.get(0);
        SourceView source =
            ado.addSource(RepositoryRef.of(pick.organization(), pick.project(), pick.name()))
                .source();
        out.printf("5. Added %s as a source (id %s).%n", source.path(), source.id());
        out.printf("6. Sources now: %s%n", ado.sources().stream().map(SourceView::path).toList());
      }
    } finally {
      if (dataDir == null) {
        deleteTree(dir);
      }
    }
    out.println(
        dataDir == null
            ? "Done. The demo's data was temporary; with --data-dir DIR it is kept for ado-connect accounts/repos/sources --data-dir DIR."
            : "Done. Data kept in "
                + dataDir
                + "; try: ado-connect sources list --data-dir "
                + dataDir);
    return ExitCodes.OK;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
