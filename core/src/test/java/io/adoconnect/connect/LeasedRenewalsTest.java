package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Account;
import io.adoconnect.store.Owner;
import io.adoconnect.store.RenewalLeases;
import io.adoconnect.store.Store;
import io.adoconnect.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Idle-session renewals shared by service instances on one database: an account is renewed by the
 * instance that claimed it, a live claim keeps the others off, a dead instance's claim lapses, and
 * a stopping instance's claims are free at once.
 */
class LeasedRenewalsTest {
  private static final Duration IDLE = Duration.ofMinutes(30);

  @TempDir Path tmp;
  private EntraKit kit;
  private TestDatabase.Instance database;
  private AdoConnect ado;
  private Store store;
  private Account account;

  private void signIn(TestDatabase kind) {
    database = kind.create(tmp.resolve("db"));
    kit =
        new EntraKit(
            SimulatorConfig.builder()
                .singleUseRefreshTokens(false)
                .accessTokenLifetimeSeconds(60)
                .build(),
            tmp);
    ado = AdoConnect.open(kit.settings.withStore(database.location()));
    store = database.open();
    account = kit.signIn(ado);
  }

  @AfterEach
  void stop() {
    if (ado != null) {
      ado.close();
    }
    if (kit != null) {
      kit.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aClaimedAccountIsLeftToItsClaimerUntilTheLeaseLapses(TestDatabase kind) {
    signIn(kind);
    kit.clock.advance(Duration.ofMinutes(40));
    Instant now = kit.clock.instant();
    // an instance claims the account, then dies without renewing it
    assertThat(
            store
                .renewalLeases()
                .claimDue("instance-dead", now, now.minus(IDLE), LeasedRenewals.LEASE, 10))
        .containsExactly(new RenewalLeases.Claimed(Owner.LOCAL, account.id()));
    kit.sim.resetCounts();

    LeasedRenewals other = ado.leasedRenewals("instance-other");
    assertThat(other.renewIdle(IDLE).checked()).as("claimed by a live lease").isZero();
    assertThat(kit.tokenRequests()).isZero();

    kit.clock.advance(LeasedRenewals.LEASE.plusSeconds(1));
    assertThat(other.renewIdle(IDLE)).isEqualTo(new AdoConnect.IdleRenewal(1, 1, 0, 0));
    assertThat(kit.tokenRequests()).isEqualTo(1);
    assertThat(other.renewIdle(IDLE).checked()).as("renewed: no longer due").isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStoppingInstancesClaimsAreFreeAtOnce(TestDatabase kind) {
    signIn(kind);
    kit.clock.advance(Duration.ofMinutes(40));
    Instant now = kit.clock.instant();
    assertThat(
            store
                .renewalLeases()
                .claimDue("instance-stopping", now, now.minus(IDLE), LeasedRenewals.LEASE, 10))
        .hasSize(1);
    assertThat(ado.leasedRenewals("instance-stopping").releaseAll()).isEqualTo(1);

    assertThat(ado.leasedRenewals("instance-other").renewIdle(IDLE))
        .isEqualTo(new AdoConnect.IdleRenewal(1, 1, 0, 0));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSessionInUseIsNotClaimed(TestDatabase kind) {
    signIn(kind);
    kit.clock.advance(Duration.ofMinutes(10));
    assertThat(ado.leasedRenewals("instance-1").renewIdle(IDLE).checked()).isZero();
    Instant now = kit.clock.instant();
    assertThat(
            store
                .renewalLeases()
                .claimDue("instance-2", now, now.minus(IDLE), LeasedRenewals.LEASE, 10))
        .isEmpty();
  }
}
