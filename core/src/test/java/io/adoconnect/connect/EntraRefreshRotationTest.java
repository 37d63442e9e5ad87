package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.ReconnectRequiredException;
import io.adoconnect.auth.Secret;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Store;
import io.adoconnect.vault.Vault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refresh-token rotation when a process dies between the provider's answer and the store's commit
 * (simulated: the transport hands the answer back and then throws), with Entra's reusable refresh
 * tokens and with single-use ones, and the fallback to the previous refresh token.
 */
class EntraRefreshRotationTest {
  private static final String NEVER_KEPT = "a-token-the-provider-never-kept";

  @TempDir Path tmp;
  private EntraKit kit;

  @AfterEach
  void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void withReusableTokensAKillAfterTheAnswerBeforeTheCommitLosesNothing() {
    kit = new EntraKit(SimulatorConfig.builder().singleUseRefreshTokens(false).build(), tmp);
    try (AdoConnect ado = kit.open()) {
      Account account = kit.signIn(ado);
      String signedIn = kit.storedRefreshToken(account.id()).orElseThrow();

      killedMidRenewal(account);
      assertThat(storedNewest(account).equals(signedIn)).as("the signed-in token is kept").isTrue();

      assertThat(ado.test(account.id())).isNotEmpty(); // renews with the stored (old) token
      assertThat(homeTokenRequests()).isOne();
      assertThat(ado.account(account.id()).status()).isEqualTo(AccountStatus.CONNECTED);
      assertThat(storedNewest(account).equals(signedIn)).as("a renewed token is stored").isFalse();
    }
  }

  @Test
  void withSingleUseTokensAKillInTheWindowLosesTheSessionAfterTryingBothTokens() {
    kit = new EntraKit(SimulatorConfig.builder().singleUseRefreshTokens(true).build(), tmp);
    try (AdoConnect ado = kit.open()) {
      Account account = kit.signIn(ado);
      expireEverything();
      ado.test(account.id()); // one normal renewal: a newest and a previous token are stored
      assertThat(stored(account, SecretKind.PREVIOUS_REFRESH_TOKEN).isBlank()).isFalse();

      killedMidRenewal(account);

      assertThatThrownBy(() -> ado.test(account.id()))
          .isInstanceOf(ReconnectRequiredException.class);
      assertThat(homeTokenRequests()).as("the newest, then the previous").isEqualTo(2);
      assertThat(ado.account(account.id()).status()).isEqualTo(AccountStatus.RECONNECT_NEEDED);
    }
  }

  @Test
  void aNewestTokenTheProviderRefusesFallsBackToThePreviousOnce() {
    kit = new EntraKit(SimulatorConfig.builder().singleUseRefreshTokens(false).build(), tmp);
    try (AdoConnect ado = kit.open()) {
      Account account = kit.signIn(ado);
      expireEverything();
      ado.test(account.id());
      replaceNewest(account, NEVER_KEPT);
      expireEverything();

      assertThat(ado.test(account.id())).isNotEmpty();

      assertThat(homeTokenRequests()).as("the newest, then the previous").isEqualTo(2);
      assertThat(ado.account(account.id()).status()).isEqualTo(AccountStatus.CONNECTED);
      // the refused token is gone: both stored tokens are ones the provider issued
      assertThat(
              storedNewest(account).equals(NEVER_KEPT)
                  || stored(account, SecretKind.PREVIOUS_REFRESH_TOKEN).equals(NEVER_KEPT))
          .isFalse();
    }
  }

  /**
   * Renews through a second instance whose process "dies" right after the provider answered: the
   * answer is read, then the transport throws, so nothing after it (the commit) runs.
   */
  private void killedMidRenewal(Account account) {
    expireEverything();
    AtomicBoolean answered = new AtomicBoolean();
    HttpTransport dying =
        new HttpTransport() {
          private final HttpTransport next = RetryingTransport.standard();

          @Override
          public ApiResponse send(ApiRequest request) {
            ApiResponse response = next.send(request);
            if (request.uri().getPath().endsWith("/oauth2/v2.0/token")) {
              answered.set(true);
              throw new IllegalStateException("killed after the provider answered");
            }
            return response;
          }
        };
    try (AdoConnect killed =
        AdoConnect.open(
            EntraKit.settings(kit.sim.baseUri(), kit.dataDir, kit.keyFile, dying, kit.clock))) {
      assertThatThrownBy(() -> killed.test(account.id())).hasMessageContaining("killed");
    }
    assertThat(answered).isTrue();
    kit.sim.resetCounts();
  }

  /** Renewals at the home tenant (test() renews for the guest tenant too). */
  private long homeTokenRequests() {
    return kit.sim.requestCount(EntraKit.tokenPath(kit.homeTenant()));
  }

  /** The client's clock passes the expiry, and the simulator refuses the old access tokens too. */
  private void expireEverything() {
    kit.clock.advance(Duration.ofHours(2));
    kit.sim.expireAccessTokens();
    kit.sim.resetCounts();
  }

  private String storedNewest(Account account) {
    return stored(account, SecretKind.REFRESH_TOKEN);
  }

  private String stored(Account account, SecretKind kind) {
    try (Store store = Store.open(kit.dataDir)) {
      Vault vault = EntraKit.ownerVault(kit.keyFile, store);
      return vault
          .unseal(store.sealedSecret(account.id(), kind).orElseThrow(), account.id())
          .reveal();
    }
  }

  private void replaceNewest(Account account, String token) {
    try (Store store = Store.open(kit.dataDir)) {
      Vault vault = EntraKit.ownerVault(kit.keyFile, store);
      Map<SecretKind, byte[]> secrets = new EnumMap<>(SecretKind.class);
      for (SecretKind kind :
          new SecretKind[] {SecretKind.ACCESS_TOKEN, SecretKind.PREVIOUS_REFRESH_TOKEN}) {
        secrets.put(kind, store.sealedSecret(account.id(), kind).orElseThrow());
      }
      secrets.put(SecretKind.REFRESH_TOKEN, vault.seal(Secret.of(token), account.id()));
      store.saveAccount(store.findAccount(account.id()).orElseThrow(), secrets);
    }
  }
}
