package io.adoconnect.connect;

import io.adoconnect.auth.entra.EntraSettings;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.store.Account;
import io.adoconnect.store.Store;
import io.adoconnect.vault.KeyFileSource;
import io.adoconnect.vault.Vault;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The second ado-connect process of the multi-process tests, run in its own JVM on the data
 * directory of the test's JVM. Talks over stdout/stdin in lines.
 *
 * <ul>
 *   <li>{@code race BASE DATA_DIR KEY_FILE ACCOUNT_ID}: lists org-001 with a valid token (warming
 *       up), prints {@code READY}, waits for a line {@code GO SECONDS}, moves its clock that far
 *       (so the token looks expired), lists org-001 again and prints {@code OK repositories
 *       elapsedMillis} (or {@code FAIL …} and exits 1).
 *   <li>{@code loop BASE DATA_DIR KEY_FILE ACCOUNT_ID TENANT [MAX_RENEWALS]}: opens the store,
 *       prints {@code REFRESHING}, then asks for the tenant's access token forever — with the
 *       simulator's access tokens shorter than the 90 s margin each ask is a renewal — printing
 *       {@code R} after each; it is meant to be killed (an optional {@code MAX_RENEWALS} ends it
 *       normally after that many, to record a class-data-sharing archive for quicker starts).
 * </ul>
 */
public final class RefreshChild {
  private RefreshChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String mode = args[0];
    URI base = URI.create(args[1]);
    Path dataDir = Path.of(args[2]);
    Path keyFile = Path.of(args[3]);
    String accountId = args[4];
    MutableClock clock = new MutableClock();
    ConnectSettings settings =
        settings(base, dataDir, keyFile, RetryingTransport.standard(), clock);
    try {
      switch (mode) {
        case "race" -> race(settings, clock, accountId, out);
        case "loop" ->
            loop(
                settings,
                keyFile,
                accountId,
                args[5],
                args.length > 6 ? Integer.parseInt(args[6]) : -1,
                out);
        default -> throw new IllegalArgumentException("unknown mode " + mode);
      }
    } catch (RuntimeException e) {
      out.println("FAIL " + e.getClass().getName() + " " + e.getMessage());
      System.exit(1);
    }
    System.exit(0);
  }

  /** The settings the brief prescribes, with the transport and clock chosen by the caller. */
  static ConnectSettings settings(
      URI base, Path dataDir, Path keyFile, HttpTransport transport, Clock clock) {
    return new ConnectSettings(
        dataDir,
        AzureDevOpsEndpoints.allAt(base),
        EntraSettings.fromEnvironment(base, Map.of()),
        () -> new KeyFileSource(keyFile),
        transport,
        clock,
        32);
  }

  private static void race(
      ConnectSettings settings, MutableClock clock, String accountId, PrintStream out)
      throws Exception {
    try (AdoConnect ado = AdoConnect.open(settings)) {
      list(ado, accountId);
      out.println("READY");
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String go = in.readLine();
      if (go == null || !go.startsWith("GO ")) {
        throw new IllegalStateException("expected GO, got " + go);
      }
      clock.advance(Duration.ofSeconds(Long.parseLong(go.substring(3).strip())));
      long start = System.nanoTime();
      int repositories = list(ado, accountId);
      out.println(
          "OK " + repositories + " " + Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
  }

  private static int list(AdoConnect ado, String accountId) {
    return ado.repositories(Optional.of(accountId), Optional.of("org-001"), DiscoveryListener.NONE)
        .repositories()
        .size();
  }

  private static void loop(
      ConnectSettings settings,
      Path keyFile,
      String accountId,
      String tenant,
      int maxRenewals,
      PrintStream out) {
    try (Store store = Store.open(settings.dataDir())) {
      Vault vault = EntraKit.ownerVault(keyFile, store);
      Account account = store.findAccount(accountId).orElseThrow();
      var credential = new EntraTokens(settings, store, () -> vault).credential(account, tenant);
      out.println("REFRESHING");
      for (int i = 0; i != maxRenewals; i++) {
        credential.authorization();
        out.println("R");
      }
    }
  }
}
