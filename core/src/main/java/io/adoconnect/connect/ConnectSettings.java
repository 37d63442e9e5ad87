package io.adoconnect.connect;

import io.adoconnect.auth.entra.EntraSettings;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.discovery.RepositoryDiscovery;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.Poller;
import io.adoconnect.http.RetryListener;
import io.adoconnect.http.Sleeper;
import io.adoconnect.http.network.NetworkSettings;
import io.adoconnect.store.Retention;
import io.adoconnect.store.StoreLocation;
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
 * @param sleeper with {@code clock}, the time every wait (for a build, a run, a release) runs on,
 *     so tests advance them instead of sleeping
 * @param store where accounts, sources and the rest are kept: SQLite in {@code dataDir} unless the
 *     environment names a PostgreSQL database ({@link StoreLocation#fromEnvironment})
 */
public record ConnectSettings(
    Path dataDir,
    AzureDevOpsEndpoints endpoints,
    EntraSettings entra,
    Supplier<KeySource> keySource,
    HttpTransport transport,
    Clock clock,
    int parallelism,
    Retention retention,
    Sleeper sleeper,
    StoreLocation store) {

  public ConnectSettings {
    retention = retention == null ? Retention.DEFAULTS : retention;
    sleeper = sleeper == null ? Sleeper.REAL : sleeper;
    store = store == null ? StoreLocation.sqlite(dataDir) : store;
  }

  /** The settings with the store in {@code dataDir} (SQLite). */
  public ConnectSettings(
      Path dataDir,
      AzureDevOpsEndpoints endpoints,
      EntraSettings entra,
      Supplier<KeySource> keySource,
      HttpTransport transport,
      Clock clock,
      int parallelism,
      Retention retention,
      Sleeper sleeper) {
    this(
        dataDir,
        endpoints,
        entra,
        keySource,
        transport,
        clock,
        parallelism,
        retention,
        sleeper,
        StoreLocation.sqlite(dataDir));
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
    this(
        dataDir,
        endpoints,
        entra,
        keySource,
        transport,
        clock,
        parallelism,
        Retention.DEFAULTS,
        Sleeper.REAL);
  }

  /** The settings a CLI or server process uses, read from the environment. */
  public static ConnectSettings fromEnvironment(Path dataDir, Map<String, String> env) {
    return fromEnvironment(dataDir, env, RetryListener.NONE);
  }

  /**
   * Like {@link #fromEnvironment(Path, Map)}; {@code retries} hears of each retry of a call (the
   * CLI says so on stderr). The network route — proxy, trusted authorities, timeouts — comes from
   * {@link NetworkSettings#fromEnvironment(Map)}.
   */
  public static ConnectSettings fromEnvironment(
      Path dataDir, Map<String, String> env, RetryListener retries) {
    AzureDevOpsEndpoints endpoints = AzureDevOpsEndpoints.fromEnvironment(env);
    return new ConnectSettings(
        dataDir,
        endpoints,
        EntraSettings.fromEnvironment(endpoints.login(), env),
        () -> KeySources.fromEnvironment(env),
        NetworkSettings.fromEnvironment(env).transport(retries),
        Clock.systemUTC(),
        RepositoryDiscovery.DEFAULT_PARALLELISM,
        Retention.fromEnvironment(env),
        Sleeper.REAL,
        StoreLocation.fromEnvironment(dataDir, env));
  }

  public ConnectSettings withParallelism(int value) {
    return new ConnectSettings(
        dataDir, endpoints, entra, keySource, transport, clock, value, retention, sleeper, store);
  }

  public ConnectSettings withRetention(Retention value) {
    return new ConnectSettings(
        dataDir, endpoints, entra, keySource, transport, clock, parallelism, value, sleeper, store);
  }

  public ConnectSettings withSleeper(Sleeper value) {
    return new ConnectSettings(
        dataDir,
        endpoints,
        entra,
        keySource,
        transport,
        clock,
        parallelism,
        retention,
        value,
        store);
  }

  /** The same settings over another transport, e.g. one that checks where requests go. */
  public ConnectSettings withTransport(HttpTransport value) {
    return new ConnectSettings(
        dataDir, endpoints, entra, keySource, value, clock, parallelism, retention, sleeper, store);
  }

  /** The same settings over another store (e.g. a PostgreSQL database shared by instances). */
  public ConnectSettings withStore(StoreLocation value) {
    return new ConnectSettings(
        dataDir,
        endpoints,
        entra,
        keySource,
        transport,
        clock,
        parallelism,
        retention,
        sleeper,
        value);
  }

  /** The one poller every wait goes through, on this clock and sleeper. */
  public Poller poller() {
    return new Poller(sleeper, clock);
  }
}
