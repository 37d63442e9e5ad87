package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.auth.Secret;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery progress as the page and the terminal show it: counted per organization (not per
 * account × organization) and reported in order, so the last event says done = total.
 */
class DiscoveryProgressTest {
  @TempDir Path tmp;
  private Simulator sim;
  private AdoConnect ado;

  @BeforeEach
  void start() {
    sim = Simulator.start(SimulatorConfig.builder().orgs(3).build());
    ado =
        AdoConnect.open(
            EntraKit.settings(
                sim.baseUri(),
                tmp.resolve("data"),
                tmp.resolve("key"),
                RetryingTransport.standard(),
                new MutableClock()));
  }

  @AfterEach
  void stop() {
    ado.close();
    sim.close();
  }

  @Test
  void twoAccountsReachingOneOrganizationCountItOnce() {
    Secret pat = Secret.of(sim.config().pat());
    ado.connectPat(PatTarget.services(List.of("org-001")), pat);
    ado.connectPat(PatTarget.services(List.of("org-001", "org-002")), pat);
    assertThat(ado.accounts()).hasSize(2);

    List<String> started = Collections.synchronizedList(new ArrayList<>());
    List<Integer> totals = Collections.synchronizedList(new ArrayList<>());
    int[] reported = {0};
    RepositoryListing listing =
        ado.repositories(
            Optional.empty(),
            Optional.empty(),
            new DiscoveryListener() {
              @Override
              public void started(List<String> organizations) {
                started.addAll(organizations);
              }

              @Override
              public void organizationDone(
                  String organization, int repositories, int done, int total) {
                totals.add(total);
                reported[0] += repositories;
              }
            });

    assertThat(started).containsExactlyInAnyOrder("org-001", "org-002");
    assertThat(totals).containsOnly(2);
    assertThat(reported[0]).isEqualTo(listing.repositories().size());
    assertThat(listing.repositories())
        .extracting(DiscoveredRepository::organizationUrl)
        .allSatisfy(url -> assertThat(url).startsWith(sim.baseUri().toString()));
  }

  @Test
  void progressArrivesInOrderEvenWhenOrganizationsFinishTogether() throws Exception {
    ado.connectPat(
        PatTarget.services(List.of("org-001", "org-002", "org-003")),
        Secret.of(sim.config().pat()));
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch second = new CountDownLatch(1);
    ado.repositories(
        Optional.empty(),
        Optional.empty(),
        new DiscoveryListener() {
          @Override
          public void organizationDone(String organization, int repositories, int done, int total) {
            if (done == 1) {
              // Hold the first report back: another worker that finishes now must not report
              // before it (the last event once said 18 of 20).
              try {
                second.await(1, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            } else {
              second.countDown();
            }
            seen.add(done);
          }
        });
    assertThat(seen).containsExactly(1, 2, 3);
  }
}
