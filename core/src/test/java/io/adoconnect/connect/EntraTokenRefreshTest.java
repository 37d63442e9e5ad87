package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.NextStep;
import io.adoconnect.ReconnectRequiredException;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.Store;
import io.adoconnect.vault.Vault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When {@link EntraTokens} uses, renews and gives up on access tokens. */
class EntraTokenRefreshTest {
  private static final int CALLERS = 100;

  @TempDir Path tmp;
  private EntraKit kit;

  @AfterEach
  void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void aValidAccessTokenIsUsedAsIs() {
    kit = new EntraKit(SimulatorConfig.defaults(), tmp);
    try (AdoConnect ado = kit.open()) {
      Account account = kit.signIn(ado);
      String signedIn = kit.transport.lastIssued().accessToken();
      kit.sim.resetCounts();
      kit.transport.clearSent();

      List<DiscoveredRepository> repos = org001(ado, account);

      assertThat(repos).isNotEmpty();
      assertThat(kit.tokenRequests()).isZero();
      assertThat(devOpsAuthorizations()).containsExactly("Bearer " + signedIn);
    }
  }

  @Test
  void aTokenAzureDevOpsRefusesBeforeItExpiresIsRenewedOnceAndTheCallSucceeds() {
    kit = new EntraKit(SimulatorConfig.defaults(), tmp);
    try (AdoConnect ado = kit.open()) {
      Account account = kit.signIn(ado);
      String signedIn = kit.transport.lastIssued().accessToken();
      kit.sim
          .expireAccessTokens(); // revoked on the service side; our stored expiry is still an hour
      // away
      kit.sim.resetCounts();
      kit.transport.clearSent();

      List<DiscoveredRepository> repos = org001(ado, account);

      assertThat(repos).isNotEmpty();
      assertThat(kit.tokenRequests()).isEqualTo(1);
      assertThat(devOpsAuthorizations())
          .containsExactly(
              "Bearer " + signedIn, "Bearer " + kit.transport.lastIssued().accessToken());
      assertThat(ado.account(account.id()).status()).isEqualTo(AccountStatus.CONNECTED);
    }
  }

  @Test
  void aTokenWithNinetySecondsOrLessLeftIsRenewedFirstAndTheNewOneIsUsed() {
    kit = new EntraKit(SimulatorConfig.defaults(), tmp);
    try (AdoConnect ado = kit.open()) {
      Account account = kit.signIn(ado);
      String signedIn = kit.transport.lastIssued().accessToken();
      String firstRefreshToken = kit.transport.lastIssued().refreshToken();
      Instant expiresAt =
          kit.storedAccessTokens(account.id())
              .orElseThrow()
              .get(kit.homeTenant())
              .orElseThrow()
              .expiresAt();

      // 91 s left: still used as is
      kit.clock.setOffset(Duration.between(Instant.now(), expiresAt.minusSeconds(91)));
      kit.sim.resetCounts();
      kit.transport.clearSent();
      org001(ado, account);
      assertThat(kit.tokenRequests()).isZero();
      assertThat(devOpsAuthorizations()).containsExactly("Bearer " + signedIn);

      // 89 s left: one renewal at the home tenant, before the first Azure DevOps request
      kit.clock.setOffset(Duration.between(Instant.now(), expiresAt.minusSeconds(89)));
      kit.sim.resetCounts();
      kit.transport.clearSent();
      List<DiscoveredRepository> repos = org001(ado, account);

      assertThat(repos).isNotEmpty();
      assertThat(kit.tokenRequests()).isEqualTo(1);
      assertThat(kit.sim.requestCount(EntraKit.tokenPath(kit.homeTenant()))).isEqualTo(1);
      RecordingTransport.Issued renewed = kit.transport.lastIssued();
      assertThat(renewed.accessToken()).isNotEqualTo(signedIn);
      assertThat(devOpsAuthorizations()).containsExactly("Bearer " + renewed.accessToken());
      // the rotated refresh token and the new expiry were saved
      assertThat(renewed.refreshToken()).isNotEqualTo(firstRefreshToken);
      assertThat(kit.storedRefreshToken(account.id())).contains(renewed.refreshToken());
      Account saved = ado.account(account.id());
      assertThat(saved.expiresAt()).isAfter(expiresAt);
      assertThat(saved.status()).isEqualTo(AccountStatus.CONNECTED);
    }
  }

  @Test
  void withAShortLivedTokenOneRequestCostsOneRenewalAndCarriesTheNewToken() {
    kit = new EntraKit(SimulatorConfig.builder().accessTokenLifetimeSeconds(60).build(), tmp);
    try (AdoConnect ado = kit.open();
        Store store = Store.open(kit.dataDir)) {
      Account account = kit.signIn(ado);
      String signedIn = kit.transport.lastIssued().accessToken();
      EntraTokens tokens = new EntraTokens(kit.settings, store, this::vault);
      kit.sim.resetCounts();
      kit.transport.clearSent();

      ApiResponse answer =
          new AzureDevOpsHttp(kit.transport, tokens.credential(account, kit.homeTenant()))
              .send(
                  ApiRequest.get(URI.create(kit.sim.baseUri() + "/org-001/_apis/connectionData")));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(kit.sim.requestCount(EntraKit.tokenPath(kit.homeTenant()))).isEqualTo(1);
      String renewed = kit.transport.lastIssued().accessToken();
      assertThat(renewed).isNotEqualTo(signedIn);
      assertThat(devOpsAuthorizations()).containsExactly("Bearer " + renewed);
    }
  }

  @Test
  void anOpenedTokenIsHeldInMemoryUntilForgottenInsteadOfReadFromTheStoreEachTime() {
    kit = new EntraKit(SimulatorConfig.defaults(), tmp);
    try (AdoConnect ado = kit.open();
        Store store = Store.open(kit.dataDir)) {
      Account account = kit.signIn(ado);
      String signedIn = kit.transport.lastIssued().accessToken();
      WarmTokens warm = new WarmTokens();
      EntraTokens here = new EntraTokens(kit.settings, store, this::vault, Optional.empty(), warm);
      assertThat(here.accessToken(account.id(), kit.homeTenant()).reveal()).isEqualTo(signedIn);

      // Another process renews (Azure DevOps refused it there): the store holds a new token.
      EntraTokens elsewhere = new EntraTokens(kit.settings, store, this::vault);
      elsewhere.credential(account, kit.homeTenant()).renewAfterRefusal();
      String renewed = kit.transport.lastIssued().accessToken();
      assertThat(renewed).isNotEqualTo(signedIn);

      assertThat(here.accessToken(account.id(), kit.homeTenant()).reveal())
          .as("held in memory: no store read, no decryption")
          .isEqualTo(signedIn);
      assertThat(
              new EntraTokens(kit.settings, store, this::vault, Optional.empty(), warm)
                  .accessToken(account.id(), kit.homeTenant())
                  .reveal())
          .as("shared by the service's per-request views")
          .isEqualTo(signedIn);
      here.forget(account.id()); // disconnected
      assertThat(here.accessToken(account.id(), kit.homeTenant()).reveal()).isEqualTo(renewed);
    }
  }

  @Test
  void aHundredConcurrentCallersWithAnExpiredTokenCauseOneRenewal() throws Exception {
    kit = new EntraKit(SimulatorConfig.defaults(), tmp);
    try (AdoConnect ado = kit.open();
        Store store = Store.open(kit.dataDir)) {
      Account account = kit.signIn(ado);
      String signedIn = kit.transport.lastIssued().accessToken();
      EntraTokens tokens = new EntraTokens(kit.settings, store, this::vault);
      expireEverything();

      List<String> answers =
          concurrently(() -> tokens.credential(account, kit.homeTenant()).authorization().reveal());

      assertThat(kit.tokenRequests()).isEqualTo(1);
      String renewed = kit.transport.lastIssued().accessToken();
      assertThat(renewed).isNotEqualTo(signedIn);
      assertThat(Set.copyOf(answers)).containsExactly("Bearer " + renewed);
    }
  }

  @Test
  void aHundredConcurrentListingsWithAnExpiredTokenCauseOneRenewal() throws Exception {
    kit = new EntraKit(SimulatorConfig.defaults(), tmp);
    try (AdoConnect ado = kit.open()) {
      Account account = kit.signIn(ado);
      expireEverything();

      List<List<String>> listings =
          concurrently(
              () -> org001(ado, account).stream().map(DiscoveredRepository::path).toList());

      assertThat(kit.tokenRequests()).isEqualTo(1);
      assertThat(Set.copyOf(listings)).hasSize(1);
      assertThat(listings.get(0)).isNotEmpty();
      String renewed = kit.transport.lastIssued().accessToken();
      assertThat(devOpsAuthorizations()).containsOnly("Bearer " + renewed);
    }
  }

  @Test
  void aRevokedSessionMarksTheAccountReconnectNeededAndKeepsItsSecrets() {
    kit = new EntraKit(SimulatorConfig.defaults(), tmp);
    try (AdoConnect ado = kit.open()) {
      Account account = kit.signIn(ado);
      String refreshToken = kit.storedRefreshToken(account.id()).orElseThrow();
      kit.sim.revokeRefreshTokens();
      expireEverything();

      assertThatThrownBy(() -> ado.test(account.id()))
          .isInstanceOfSatisfying(
              ReconnectRequiredException.class,
              e -> {
                assertThat(e.getMessage()).contains("invalid_grant");
                assertThat(e.hint()).contains("Disconnect").contains("Nothing was deleted");
                assertThat(e.nextStep().action()).isEqualTo(NextStep.Action.RECONNECT);
                assertThat(e.nextStep().parameters())
                    .containsEntry("accountId", account.id())
                    .containsEntry("method", "device_code");
              });

      Account after = ado.account(account.id());
      assertThat(after.status()).isEqualTo(AccountStatus.RECONNECT_NEEDED);
      assertThat(ado.accounts()).extracting(Account::id).containsExactly(account.id());
      assertThat(kit.storedRefreshToken(account.id())).contains(refreshToken);
      assertThat(kit.storedAccessTokens(account.id())).isPresent();

      // listing repositories fails the same way and changes nothing more
      assertThatThrownBy(
              () ->
                  ado.repositories(
                      Optional.of(account.id()), Optional.empty(), DiscoveryListener.NONE))
          .isInstanceOf(ReconnectRequiredException.class);
      assertThat(ado.account(account.id()).status()).isEqualTo(AccountStatus.RECONNECT_NEEDED);
      assertThat(kit.storedRefreshToken(account.id())).contains(refreshToken);
    }
  }

  /** The client's clock passes the expiry, and the simulator refuses the old tokens too. */
  private void expireEverything() {
    kit.clock.advance(Duration.ofHours(2));
    kit.sim.expireAccessTokens();
    kit.sim.resetCounts();
    kit.transport.clearSent();
  }

  private <T> List<T> concurrently(java.util.concurrent.Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      CountDownLatch ready = new CountDownLatch(CALLERS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.call();
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<DiscoveredRepository> org001(AdoConnect ado, Account account) {
    return ado.repositories(
            Optional.of(account.id()), Optional.of("org-001"), DiscoveryListener.NONE)
        .repositories();
  }

  /** The Authorization headers sent to Azure DevOps (not to Entra), distinct, in order. */
  private List<String> devOpsAuthorizations() {
    return kit.transport.sent().stream()
        .filter(sent -> !sent.uri().contains("/oauth2/"))
        .map(RecordingTransport.Sent::authorization)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .collect(Collectors.toList());
  }

  private Vault vault() {
    return EntraKit.ownerVault(kit.keyFile, io.adoconnect.store.Store.open(kit.dataDir));
  }
}
