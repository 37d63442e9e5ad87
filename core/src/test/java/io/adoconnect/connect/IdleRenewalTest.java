package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.Owner;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's sessions that stay alive: a service renews a Microsoft sign-in nobody uses before its
 * refresh token's lifetime (Entra: 90 days of inactivity) ends it, and a refused renewal marks the
 * account reconnect-needed. The test moves ado-connect's clock; the end of a refresh token's
 * lifetime is the simulator revoking that token (the simulated Entra stays on real time, which its
 * id tokens' issue times must match).
 */
class IdleRenewalTest {
  private static final Duration IDLE = Duration.ofMinutes(30);

  @TempDir Path tmp;
  private EntraKit kit;
  private AdoConnect ado;
  private Account account;

  @BeforeEach
  void signIn() {
    kit =
        new EntraKit(
            SimulatorConfig.builder()
                .singleUseRefreshTokens(false)
                .accessTokenLifetimeSeconds(60)
                .build(),
            tmp);
    ado = kit.open();
    account = kit.signIn(ado);
  }

  @AfterEach
  void stop() {
    ado.close();
    kit.close();
  }

  @Test
  void anIdleSessionIsRenewedBeforeItsRefreshTokenRunsOut() {
    kit.clock.advance(Duration.ofMinutes(10));
    assertThat(ado.renewIdleSessions(IDLE).renewed()).as("used 9 minutes ago: left alone").isZero();

    String first = kit.storedRefreshToken(account.id()).orElseThrow();
    kit.clock.advance(Duration.ofMinutes(30));
    assertThat(ado.renewIdleSessions(IDLE)).isEqualTo(new AdoConnect.IdleRenewal(1, 1, 0, 0));
    assertThat(ado.renewIdleSessions(IDLE).renewed()).as("just renewed").isZero();
    assertThat(kit.storedRefreshToken(account.id())).isPresent().get().isNotEqualTo(first);

    // the sign-in's own refresh token reaches the end of its life; the renewed one lives on
    assertThat(kit.sim.revokeRefreshToken(first)).isTrue();
    kit.clock.advance(Duration.ofMinutes(40));
    assertThat(ado.renewIdleSessions(IDLE)).isEqualTo(new AdoConnect.IdleRenewal(1, 1, 0, 0));
    assertThat(ado.accounts().get(0).status()).isEqualTo(AccountStatus.CONNECTED);
    assertThat(ado.ownersWithSignIns()).containsExactly(Owner.LOCAL);
  }

  @Test
  void withoutRenewalTheSessionEndsAndTheAccountSaysReconnect() {
    assertThat(kit.sim.revokeRefreshToken(kit.storedRefreshToken(account.id()).orElseThrow()))
        .isTrue();
    kit.clock.advance(Duration.ofMinutes(80));
    assertThat(ado.renewIdleSessions(IDLE)).isEqualTo(new AdoConnect.IdleRenewal(1, 0, 1, 0));
    assertThat(ado.accounts().get(0).status()).isEqualTo(AccountStatus.RECONNECT_NEEDED);
    assertThat(ado.renewIdleSessions(IDLE).checked()).as("not tried again").isZero();
  }

  @Test
  void aRevokedSessionIsMarkedReconnectNeeded() {
    kit.sim.revokeRefreshTokens();
    kit.clock.advance(Duration.ofMinutes(40));
    assertThat(ado.renewIdleSessions(IDLE).reconnectNeeded()).isEqualTo(1);
    assertThat(ado.accounts())
        .extracting(Account::status)
        .containsExactly(AccountStatus.RECONNECT_NEEDED);
  }
}
