package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.auth.Secret;
import io.adoconnect.auth.entra.TokenRefresher;
import io.adoconnect.auth.entra.TokenSet;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Store;
import io.adoconnect.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL a process while it renews tokens back to back, over and over: the store must always open
 * with the account connected and a refresh token that still works.
 *
 * <p>The simulator behaves like real Entra here ({@code singleUseRefreshTokens(false)}: a used
 * refresh token stays valid), so a kill between Entra's answer and the commit may only leave the
 * previous, still valid, refresh token. Its access tokens live 60 s, under the 90 s margin, so
 * every ask of the killed process is a renewal: save, answer, save, answer.
 */
class EntraKillLoopTest {
  private static final int KILLS = Integer.getInteger("adoconnect.killLoop.kills", 60);
  private static final long SEED = Long.getLong("adoconnect.killLoop.seed", System.nanoTime());

  @TempDir Path tmp;
  private EntraKit kit;

  @AfterEach
  void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void killedMidRenewalNeverLosesTheSession() throws Exception {
    kit =
        new EntraKit(
            SimulatorConfig.builder()
                .singleUseRefreshTokens(false)
                .accessTokenLifetimeSeconds(60)
                .build(),
            tmp);
    Account account;
    try (AdoConnect ado = kit.open()) {
      account = kit.signIn(ado);
    }
    String tenant = kit.homeTenant();
    Path stderr = tmp.resolve("child.err");
    String[] args = {
      "loop",
      kit.sim.baseUri().toString(),
      kit.dataDir.toString(),
      kit.keyFile.toString(),
      account.id(),
      tenant
    };
    String classPath = ChildJvm.jarredClassPath(Files.createDirectories(tmp.resolve("cp")));
    List<String> cds = classDataSharing(stderr, classPath, args);

    Vault vault = EntraKit.ownerVault(kit.keyFile, Store.open(kit.dataDir));
    TokenRefresher refresher =
        new TokenRefresher(kit.settings.entra(), kit.transport, Clock.systemUTC());
    Random random = new Random(SEED);
    Instant lastExpiry = Instant.MIN;
    int renewals = 0;
    int killedInFirstRenewal = 0;
    long started = System.nanoTime();
    for (int kill = 1; kill <= KILLS; kill++) {
      // Odd kills fall into the first renewal (every fourth at once), even ones after a renewal
      // finished, however fast or loaded the machine is.
      boolean afterARenewal = kill % 2 == 0;
      int delayMillis = kill % 4 == 1 ? 0 : random.nextInt(301);
      try (ChildJvm child = ChildJvm.start(stderr, classPath, cds, args)) {
        String line = child.nextLine(60);
        assertThat(line)
            .as("kill %d (seed %d): child start; see %s", kill, SEED, stderr)
            .isEqualTo("REFRESHING");
        if (afterARenewal) {
          assertThat(child.awaitFirstRenewal(60))
              .as("kill %d: a first renewal within 60 s; see %s", kill, stderr)
              .isTrue();
        }
        Thread.sleep(
            delayMillis); // the random moment of the kill, not a wait for something to happen
        child.kill();
        renewals += child.renewals();
        if (child.renewals() == 0) {
          killedInFirstRenewal++;
        }
      }
      String context =
          "after kill " + kill + " of " + KILLS + " (" + delayMillis + " ms in; seed " + SEED + ")";
      assertThat(integrityCheck()).as(context).isEqualTo("ok");
      try (Store store = Store.open(kit.dataDir)) {
        Optional<Account> found = store.findAccount(account.id());
        assertThat(found).as(context).isPresent();
        assertThat(found.get().status()).as(context).isEqualTo(AccountStatus.CONNECTED);
        Secret refreshToken =
            vault.unseal(
                store
                    .sealedSecret(account.id(), SecretKind.REFRESH_TOKEN)
                    .orElseThrow(() -> new AssertionError("no refresh token " + context)),
                account.id());
        AccessTokenBundle bundle =
            AccessTokenBundle.read(
                vault.unseal(
                    store
                        .sealedSecret(account.id(), SecretKind.ACCESS_TOKEN)
                        .orElseThrow(() -> new AssertionError("no access tokens " + context)),
                    account.id()));
        Instant expiry =
            bundle
                .get(tenant)
                .orElseThrow(() -> new AssertionError("no home token " + context))
                .expiresAt();
        // the store only moves forward: never back to an older renewal
        assertThat(expiry).as(context).isAfterOrEqualTo(lastExpiry);
        lastExpiry = expiry;
        // the stored refresh token still works (with real Entra's rules the check itself revokes
        // nothing)
        TokenSet renewed = refresher.refresh(refreshToken, tenant, Optional.empty());
        assertThat(renewed.accessToken()).as(context).isNotNull();
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf(
        "kill loop: %d kills (%d before a first renewal finished), %d renewals finished by the killed"
            + " processes, %d s, seed %d, class-data sharing %s%n",
        KILLS,
        killedInFirstRenewal,
        renewals,
        took.toSeconds(),
        SEED,
        !cds.isEmpty() ? "on" : "off");
    // the kills fell both into a process's first renewal and between later ones
    assertThat(killedInFirstRenewal).isPositive().isLessThan(KILLS);
    assertThat(Files.readString(stderr)).doesNotContain("Exception");
  }

  /**
   * Records which classes a child loads once (a normal exit after 3 renewals) into a class-data
   * sharing archive, so that the killed children start faster; no options when that fails.
   */
  private List<String> classDataSharing(Path stderr, String classPath, String[] loopArgs)
      throws Exception {
    Path archive = tmp.resolve("child.jsa");
    String[] args = java.util.Arrays.copyOf(loopArgs, loopArgs.length + 1);
    args[loopArgs.length] = "3";
    try (ChildJvm child =
        ChildJvm.start(stderr, classPath, List.of("-XX:ArchiveClassesAtExit=" + archive), args)) {
      assertThat(child.nextLine(60)).isEqualTo("REFRESHING");
      assertThat(child.nextLine(60)).isEqualTo("EOF");
      if (child.waitFor(60) != 0) {
        System.out.println("kill loop: no class-data sharing archive: " + Files.readString(stderr));
      }
    }
    Files.writeString(stderr, ""); // the archive dump may warn about classes it skipped
    return Files.exists(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : new ArrayList<>();
  }

  private String integrityCheck() throws Exception {
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + kit.dataDir.resolve("ado-connect.db"));
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
      result.next();
      return result.getString(1);
    }
  }
}
