package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Account;
import io.adoconnect.vault.KeyFileSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A simulator, a data directory, a key file outside it, a clock tests move and a transport that
 * records what Entra hands out: what every Entra test here starts from.
 */
final class EntraKit implements AutoCloseable {
  final Simulator sim;
  final Path dataDir;
  final Path keyFile;
  final MutableClock clock = new MutableClock();
  final RecordingTransport transport = new RecordingTransport(RetryingTransport.standard());
  final ConnectSettings settings;

  EntraKit(SimulatorConfig config, Path tmp) {
    this.sim = Simulator.start(config.toBuilder().deviceCodeIntervalSeconds(0).build());
    this.dataDir = tmp.resolve("data");
    this.keyFile = tmp.resolve("key");
    this.settings = settings(sim.baseUri(), dataDir, keyFile, transport, clock);
  }

  /** The settings the brief prescribes, with the transport and clock chosen by the caller. */
  static ConnectSettings settings(
      URI base, Path dataDir, Path keyFile, HttpTransport transport, Clock clock) {
    return RefreshChild.settings(base, dataDir, keyFile, transport, clock);
  }

  AdoConnect open() {
    return AdoConnect.open(settings);
  }

  /** Device flow, approved by the default user; returns the saved account. */
  Account signIn(AdoConnect ado) {
    DeviceFlowView view = ado.startDevice();
    sim.approve(view.userCode());
    clock.advance(
        Duration.ofSeconds(
            5)); // the RFC 8628 default interval: a simulator interval of 0 counts as none
    DeviceFlowView done = ado.pollDevice(view.flowId());
    assertThat(done.state()).isEqualTo("authorized");
    return done.account();
  }

  /** The refresh token in the store, unsealed; empty when none is stored. */
  java.util.Optional<String> storedRefreshToken(String accountId) {
    return storedSecret(accountId, io.adoconnect.store.SecretKind.REFRESH_TOKEN);
  }

  /** The access-token bundle in the store, unsealed. */
  java.util.Optional<AccessTokenBundle> storedAccessTokens(String accountId) {
    return storedSecret(accountId, io.adoconnect.store.SecretKind.ACCESS_TOKEN)
        .map(json -> AccessTokenBundle.read(io.adoconnect.auth.Secret.of(json)));
  }

  private java.util.Optional<String> storedSecret(
      String accountId, io.adoconnect.store.SecretKind kind) {
    try (io.adoconnect.store.Store store = io.adoconnect.store.Store.open(dataDir)) {
      io.adoconnect.vault.Vault vault = ownerVault(keyFile, store);
      return store
          .sealedSecret(accountId, kind)
          .map(ciphertext -> vault.unseal(ciphertext, accountId).reveal());
    }
  }

  String homeTenant() {
    return sim.entra().homeTenant().id().toString();
  }

  String secondTenant() {
    return sim.entra().secondTenant().id().toString();
  }

  static String tokenPath(String tenant) {
    return "/" + tenant + "/oauth2/v2.0/token";
  }

  /** Token requests at every authority. */
  long tokenRequests() {
    return sim.requestCounts().entrySet().stream()
        .filter(e -> e.getKey().endsWith("/oauth2/v2.0/token"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  @Override
  public void close() {
    sim.close();
  }

  /** The vault the connector seals the store's owner's secrets with (its data key). */
  static io.adoconnect.vault.Vault ownerVault(
      java.nio.file.Path keyFile, io.adoconnect.store.Store store) {
    return io.adoconnect.vault.Keyring.open(new KeyFileSource(keyFile), store.dataKeys())
        .vault(store.owner());
  }
}
