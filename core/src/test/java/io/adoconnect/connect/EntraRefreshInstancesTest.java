package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Account;
import io.adoconnect.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token renewal shared by two service instances that share only a PostgreSQL database: different
 * data directories (so neither the in-process lock nor the file lock joins them), as on two hosts.
 */
class EntraRefreshInstancesTest {
  @TempDir Path tmp;
  private EntraKit kit;

  @AfterEach
  void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void twoInstancesOnOneDatabaseNeedingARenewalAtOnceMakeOneRefreshRequest() throws Exception {
    try (TestDatabase.Instance database = TestDatabase.POSTGRESQL.create(tmp)) {
      // strict rotation: a second renewal with the same refresh token would fail with invalid_grant
      kit = new EntraKit(SimulatorConfig.builder().singleUseRefreshTokens(true).build(), tmp);
      ConnectSettings first = kit.settings.withStore(database.location());
      ConnectSettings second =
          EntraKit.settings(
                  kit.sim.baseUri(),
                  tmp.resolve("other-host"),
                  kit.keyFile,
                  kit.transport,
                  kit.clock)
              .withStore(database.location());
      try (AdoConnect one = AdoConnect.open(first);
          AdoConnect two = AdoConnect.open(second)) {
        Account account = kit.signIn(one);
        int expected = listOrg001(one, account);
        assertThat(listOrg001(two, account)).isEqualTo(expected);

        kit.sim.resetCounts();
        // whoever renews first holds the lock a while, so the other comes to wait for it
        kit.sim.hangNext(EntraKit.tokenPath(kit.homeTenant()), Duration.ofMillis(1500), 1);
        kit.sim.expireAccessTokens();
        kit.clock.advance(Duration.ofHours(2));
        CompletableFuture<Integer> viaOne =
            CompletableFuture.supplyAsync(() -> listOrg001(one, account));
        CompletableFuture<Integer> viaTwo =
            CompletableFuture.supplyAsync(() -> listOrg001(two, account));

        assertThat(viaOne.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
        assertThat(viaTwo.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
        assertThat(kit.sim.requestCount(EntraKit.tokenPath(kit.homeTenant()))).isEqualTo(1);
        assertThat(kit.tokenRequests()).isEqualTo(1);
      }
    }
  }

  private static int listOrg001(AdoConnect ado, Account account) {
    return ado.repositories(
            Optional.of(account.id()), Optional.of("org-001"), DiscoveryListener.NONE)
        .repositories()
        .size();
  }
}
