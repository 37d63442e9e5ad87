package io.adoconnect.connect;

import io.adoconnect.auth.entra.EntraSettings;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.discovery.RepositoryDiscovery;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.store.Retention;
import io.adoconnect.vault.KeySource;
import io.adoconnect.vault.KeySources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything {@link AdoConnect} needs from its surroundings. {@code keySource} is a supplier so
 * that commands which never touch a secret (listing sources) work without a key configured.
 *
 * @param retention how long delivered events and device code sign-ins are kept ({@link
 *     Retention#fromEnvironment})
 */
public record ConnectSettings(
    Path dataDir,
    AzureDevOpsEndpoints endpoints,
    EntraSettings entra,
    Supplier<KeySource> keySource,
    HttpTransport transport,
    Clock clock,
    int parallelism,
    Retention retention) {

  public ConnectSettings {
    if (retention == null) {
      retention = Retention.DEFAULTS;
    }
  }

  /** The settings with the default {@link Retention}. */
  public ConnectSettings(
      Path dataDir,
      AzureDevOpsEndpoints endpoints,
      EntraSettings entra,
      Supplier<KeySource> keySource,
      HttpTransport transport,
      Clock clock,
      int parallelism) {
    this(dataDir, endpoints, entra, keySource, transport, clock, parallelism, Retention.DEFAULTS);
  }

  /** The settings a CLI or server process uses, read from the environment. */
  public static ConnectSettings fromEnvironment(Path dataDir, Map<String, String> env) {
    AzureDevOpsEndpoints endpoints = AzureDevOpsEndpoints.fromEnvironment(env);
    return new ConnectSettings(
        dataDir,
        endpoints,
        EntraSettings.fromEnvironment(endpoints.login(), env),
        () -> KeySources.fromEnvironment(env),
        RetryingTransport.standard(),
        Clock.systemUTC(),
        RepositoryDiscovery.DEFAULT_PARALLELISM,
        Retention.fromEnvironment(env));
  }

  public ConnectSettings withParallelism(int value) {
    return new ConnectSettings(
        dataDir, endpoints, entra, keySource, transport, clock, value, retention);
  }

  public ConnectSettings withRetention(Retention value) {
    return new ConnectSettings(
        dataDir, endpoints, entra, keySource, transport, clock, parallelism, value);
  }

  /** The same settings over another transport, e.g. one that checks where requests go. */
  public ConnectSettings withTransport(HttpTransport value) {
    return new ConnectSettings(dataDir, endpoints, entra, keySource, value, clock, parallelism);
  }
}
