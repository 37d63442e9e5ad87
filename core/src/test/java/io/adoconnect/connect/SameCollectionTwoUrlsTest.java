package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.auth.Secret;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Server collection answers on several URLs (another host name, with or without {@code /tfs});
 * its connectionData {@code instanceId} says it is one collection, so connecting it again through
 * another URL keeps one account instead of listing each repository twice.
 */
class SameCollectionTwoUrlsTest {
  @TempDir Path tmp;

  @Test
  void theSecondUrlReusesTheAccountAndSaysSo() {
    try (Simulator sim = Simulator.start(SimulatorConfig.builder().orgs(1).build());
        AdoConnect ado =
            AdoConnect.open(
                EntraKit.settings(
                    sim.baseUri(),
                    tmp.resolve("data"),
                    tmp.resolve("key"),
                    RetryingTransport.standard(),
                    new MutableClock()))) {
      Secret pat = Secret.of(sim.config().pat());
      String base = sim.baseUri().toString().replaceAll("/$", "");
      AdoConnect.Connected first =
          ado.connectPat(PatTarget.server(base + "/tfs", "DefaultCollection"), pat);

      AdoConnect.Connected second =
          ado.connectPat(PatTarget.server(base, "DefaultCollection"), pat);

      assertThat(second.account().id()).isEqualTo(first.account().id());
      assertThat(second.account().host()).isEqualTo(first.account().host());
      assertThat(ado.accounts()).hasSize(1);
      assertThat(second.checks())
          .singleElement()
          .satisfies(
              check ->
                  assertThat(check.warning())
                      .contains("This is the collection account " + first.account().id())
                      .contains("already reaches through " + first.account().host()));
      assertThat(first.checks().get(0).instanceId())
          .isNotBlank()
          .isEqualTo(second.checks().get(0).instanceId());
    }
  }

  @Test
  void connectingTheSameUrlAgainReplacesTheTokenWithoutANote() {
    try (Simulator sim = Simulator.start(SimulatorConfig.builder().orgs(1).build());
        AdoConnect ado =
            AdoConnect.open(
                EntraKit.settings(
                    sim.baseUri(),
                    tmp.resolve("data"),
                    tmp.resolve("key"),
                    RetryingTransport.standard(),
                    new MutableClock()))) {
      Secret pat = Secret.of(sim.config().pat());
      PatTarget target =
          PatTarget.server(
              sim.baseUri().toString().replaceAll("/$", "") + "/tfs", "DefaultCollection");
      String id = ado.connectPat(target, pat).account().id();

      AdoConnect.Connected again = ado.connectPat(target, pat);

      assertThat(again.account().id()).isEqualTo(id);
      assertThat(again.checks().get(0).warning())
          .satisfiesAnyOf(
              w -> assertThat(w).isNull(),
              w -> assertThat(w).doesNotContain("This is the collection account"));
    }
  }
}
