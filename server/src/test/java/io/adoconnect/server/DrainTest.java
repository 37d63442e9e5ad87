package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.Owner;
import io.adoconnect.store.RenewalLeases;
import io.adoconnect.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A graceful stop (SIGTERM in {@code serve}): readiness says 503 at once, new requests are turned
 * away, the requests under way finish, and the leases the instance held are free for another
 * instance at once.
 */
class DrainTest extends ServerTestBase {
  private static final String LISTING = "/org-001/_apis/git/repositories";

  @Test
  void aRequestUnderWayWhenTheServiceStopsCompletesWhileNewOnesAreTurnedAway() throws Exception {
    try (Service s = service()) {
      s.app.start();
      Api api = new Api(s.app.port(), s.token.reveal(), responses);
      assertThat(api.get("/api/ready").noToken().send().status()).isEqualTo(200);
      assertThat(
              api.post("/api/connections/pat")
                  .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
                  .send()
                  .status())
          .isEqualTo(201);
      simulator.resetCounts();
      simulator.hangNext(LISTING, Duration.ofMillis(2000), 1);
      CompletableFuture<Api.Response> slow =
          CompletableFuture.supplyAsync(
              () -> api.get("/api/repositories?organization=org-001").send());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (simulator.requestCount(LISTING) == 0) {
        assertThat(System.nanoTime()).as("the listing reached Azure DevOps").isLessThan(deadline);
        Thread.onSpinWait();
      }

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(s.app::stop);
      Api.Response ready = api.get("/api/ready").noToken().send();
      while (ready.status() == 200) {
        assertThat(System.nanoTime()).as("readiness turned 503").isLessThan(deadline);
        ready = api.get("/api/ready").noToken().send();
      }
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().path("code").asText()).isEqualTo("draining");
      Api.Response refused = api.get("/api/accounts").send();
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.json().path("code").asText()).isEqualTo("draining");
      assertThat(stopping).as("waits for the request under way").isNotDone();

      Api.Response listing = slow.get(30, TimeUnit.SECONDS);
      assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
      List<com.fasterxml.jackson.databind.JsonNode> lines = listing.lines();
      assertThat(lines.get(lines.size() - 1).path("type").asText()).isEqualTo("done");
      assertThat(lines.get(lines.size() - 1).path("repositories").asInt()).isPositive();
      stopping.get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theLeasesAStoppedInstanceHeldAreFreeAtOnce() {
    try (Service s = service();
        Store store = Store.open(dataDir())) {
      s.app.start();
      Instant longAgo = clock.instant().minus(Duration.ofDays(30));
      store.saveAccount(
          new Account(
              "acc-idle",
              ConnectionMethod.DEVICE_CODE,
              Account.SERVICES,
              "Idle",
              "idle@example.com",
              "tenant",
              null,
              longAgo,
              longAgo,
              List.of("org-001"),
              AccountStatus.CONNECTED),
          Map.of(io.adoconnect.store.SecretKind.REFRESH_TOKEN, new byte[] {1}));
      Instant now = clock.instant();
      // as the instance's renewal round claims it
      assertThat(
              store
                  .renewalLeases()
                  .claimDue(s.app.instance(), now, now.minus(Duration.ofDays(7)), lease(), 10))
          .hasSize(1);
      assertThat(
              store
                  .renewalLeases()
                  .claimDue("instance-other", now, now.minus(Duration.ofDays(7)), lease(), 10))
          .isEmpty();

      s.app.stop();

      assertThat(
              store
                  .renewalLeases()
                  .claimDue("instance-other", now, now.minus(Duration.ofDays(7)), lease(), 10))
          .containsExactly(new RenewalLeases.Claimed(Owner.LOCAL, "acc-idle"));
    }
  }

  private static Duration lease() {
    return Duration.ofMinutes(10);
  }
}
