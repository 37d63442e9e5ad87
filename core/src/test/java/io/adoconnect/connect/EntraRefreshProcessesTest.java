package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Account;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token renewal shared by two ado-connect processes on one data directory. */
class EntraRefreshProcessesTest {
  @TempDir Path tmp;
  private EntraKit kit;

  @AfterEach
  void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void twoProcessesNeedingARenewalAtOnceMakeOneRefreshRequest() throws Exception {
    // strict rotation: a second renewal with the same refresh token would fail with invalid_grant
    kit = new EntraKit(SimulatorConfig.builder().singleUseRefreshTokens(true).build(), tmp);
    try (AdoConnect ado = kit.open()) {
      Account account = kit.signIn(ado);
      String signInRefreshToken = kit.storedRefreshToken(account.id()).orElseThrow();
      int expected = listOrg001(ado, account);

      try (ChildJvm child =
          ChildJvm.start(
              tmp.resolve("child.err"),
              List.of(),
              "race",
              kit.sim.baseUri().toString(),
              kit.dataDir.toString(),
              kit.keyFile.toString(),
              account.id())) {
        assertThat(child.nextLine(60)).isEqualTo("READY");
        kit.sim.resetCounts();
        // Whoever renews first holds the lock a while: the other must have come to wait for it.
        Duration hang = Duration.ofMillis(1500);
        kit.sim.hangNext(EntraKit.tokenPath(kit.homeTenant()), hang, 1);
        long twoHours = Duration.ofHours(2).toSeconds();
        kit.sim.expireAccessTokens();

        kit.clock.advance(Duration.ofSeconds(twoHours));
        child.send("GO " + twoHours);
        long start = System.nanoTime();
        CompletableFuture<Integer> mine =
            CompletableFuture.supplyAsync(() -> listOrg001(ado, account));
        int myRepositories = mine.get(60, TimeUnit.SECONDS);
        long myMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        String childAnswer = child.nextLine(60);

        assertThat(childAnswer).startsWith("OK ");
        assertThat(child.waitFor(30)).isZero();
        String[] parts = childAnswer.split(" ");
        assertThat(Integer.parseInt(parts[1])).isEqualTo(expected);
        assertThat(myRepositories).isEqualTo(expected);
        assertThat(kit.sim.requestCount(EntraKit.tokenPath(kit.homeTenant()))).isEqualTo(1);
        assertThat(kit.tokenRequests()).isEqualTo(1);
        // both waited out the one slow renewal: they really overlapped
        assertThat(myMillis).isGreaterThanOrEqualTo(hang.toMillis() - 100);
        assertThat(Long.parseLong(parts[2])).isGreaterThanOrEqualTo(hang.toMillis() - 400);
        String saved = kit.storedRefreshToken(account.id()).orElseThrow();
        assertThat(saved).isNotEqualTo(signInRefreshToken);
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
