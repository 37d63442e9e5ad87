package io.adoconnect.store;

import static io.adoconnect.store.Fixtures.T0;
import static io.adoconnect.store.Fixtures.patAccount;
import static io.adoconnect.store.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema, files, owners and concurrency: what the store promises about the database itself. */
class StoreDatabaseTest {
  @TempDir Path tmp;

  @Test
  void migrationsCreateTheSchemaOnAFreshDirectoryAndReopeningChangesNothing() throws Exception {
    Path dataDir = tmp.resolve("data");
    try (Store store = Store.open(dataDir)) {
      store.saveAccount(patAccount("acc1", T0), Map.of(SecretKind.PAT, new byte[] {1}));
    }
    List<String> tablesBefore =
        query(dataDir, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");

    try (Store again = Store.open(dataDir)) {
      assertThat(again.findAccount("acc1")).isPresent();
    }

    assertThat(tablesBefore)
        .contains(
            "accounts",
            "account_organizations",
            "account_secrets",
            "sources",
            "device_flows",
            "organization_tenants",
            "hook_subscriptions",
            "events",
            "git_bindings",
            "source_syncs",
            "applications",
            "api_keys",
            "oauth_clients",
            "oauth_grants",
            "oauth_codes",
            "oauth_tokens",
            "webhook_messages",
            "audit_log",
            "login_tickets",
            "page_sessions",
            "page_session_tabs",
            "web_sign_ins",
            "repository_listings",
            "data_keys",
            "master_keys",
            "oauth_pending_authorizations",
            "repository_listing_parts",
            "flyway_schema_history");
    assertThat(query(dataDir, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        .isEqualTo(tablesBefore);
    assertThat(
            query(
                dataDir,
                "SELECT version || ':' || success FROM flyway_schema_history WHERE version IS NOT NULL"))
        .containsExactly(
            "1:1", "2:1", "3:1", "4:1", "5:1", "6:1", "7:1", "8:1", "9:1", "10:1", "11:1", "12:1",
            "13:1", "14:1", "15:1", "16:1", "17:1");
  }

  @Test
  void eventsStoredBeforeVersion4KeepTheirVerdictAndThePendingOnesStayUndecided() throws Exception {
    Path dataDir = tmp.resolve("data");
    Files.createDirectories(dataDir);
    String url = "jdbc:sqlite:" + dataDir.resolve("ado-connect.db");
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .target("3")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO events VALUES ('local', 'e1', 's1', 'git.push', 'o', 'p', 'r', 'rid', 1000,"
              + " 1, 'Re-checked with Azure DevOps.', '{}'),"
              + " ('local', 'e2', 's1', 'git.push', 'o', 'p', 'r', 'rid', 2000, 0,"
              + " 'Not re-checked yet.', '{}')");
    }

    try (Store store = Store.open(dataDir)) {
      List<StoredEvent> events = store.events(null, 10);
      assertThat(events).extracting(StoredEvent::eventId).containsExactly("e1", "e2");
      assertThat(events.get(0).rechecked()).isTrue();
      assertThat(events.get(0).trusted()).isTrue();
      assertThat(events.get(1).rechecked()).isFalse();
      // the same id on another subscription is another event now
      assertThat(
              store.addEvent(
                  StoredEvent.received("e1", "s2", "git.push", "o", "p", "r", "rid", T0, "{}")))
          .isTrue();
    }
  }

  @Test
  void anExistingDirectoryAndDatabaseWithLooseModesAreTightenedOnOpen() throws Exception {
    Path dataDir = tmp.resolve("loose");
    try (Store store = Store.open(dataDir)) {
      store.addSource(source("s1", "o", "p", "r"));
    }
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (var files = Files.list(dataDir)) {
      for (Path file : files.toList()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
    }

    try (Store store = Store.open(dataDir)) {
      assertThat(store.sources()).hasSize(1);
    }

    assertThat(mode(dataDir)).isEqualTo("rwx------");
    try (var files = Files.list(dataDir)) {
      for (Path file : files.toList()) {
        assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void usesWalAndKeepsTheDatabaseOwnerOnly() throws Exception {
    Path dataDir = tmp.resolve("home/.ado-connect");
    try (Store store = Store.open(dataDir)) {
      store.addSource(source("s1", "o", "p", "r"));
      assertThat(query(dataDir, "PRAGMA journal_mode")).containsExactly("wal");
    }

    assertThat(mode(dataDir)).isEqualTo("rwx------");
    try (var files = Files.list(dataDir)) {
      for (Path file : files.toList()) { // the database and, while open, its -wal and -shm files
        assertThat(Files.getPosixFilePermissions(file))
            .as(file.toString())
            .doesNotContain(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
      }
    }
    assertThat(mode(dataDir.resolve("ado-connect.db"))).isEqualTo("rw-------");
  }

  @Test
  void ownersDontSeeEachOthersRows() {
    String url = "jdbc:sqlite:" + tmp.resolve("shared.db");
    try (Store alice = Store.open(url, "alice");
        Store bob = Store.open(url, "bob")) {
      alice.saveAccount(patAccount("acc1", T0), Map.of(SecretKind.PAT, new byte[] {1}));
      alice.addSource(source("src1", "fabrikam", "Web", "app"));
      // Bob may use the same ids and repositories; they are his own rows.
      bob.saveAccount(
          patAccount("acc1", T0.plusSeconds(1)), Map.of(SecretKind.PAT, new byte[] {2}));
      Source bobs = bob.addSource(source("src1", "fabrikam", "Web", "app"));

      assertThat(alice.findAccount("acc1").orElseThrow().connectedAt()).isEqualTo(T0);
      assertThat(alice.sealedSecret("acc1", SecretKind.PAT).orElseThrow()).containsExactly(1);
      assertThat(bob.sealedSecret("acc1", SecretKind.PAT).orElseThrow()).containsExactly(2);
      assertThat(bob.sources()).containsExactly(bobs);

      assertThat(bob.deleteAccount("acc1")).isTrue();
      assertThat(bob.removeSource("src1")).isTrue();
      assertThat(bob.accounts()).isEmpty();
      assertThat(alice.accounts()).hasSize(1);
      assertThat(alice.sources()).hasSize(1);
      assertThat(alice.sealedSecret("acc1", SecretKind.PAT)).isPresent();
    }
  }

  @Test
  void twoStoresOnOneFileCanBothWriteAtOnce() throws Exception {
    Path dataDir = tmp.resolve("data");
    int perWriter = 40;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try (Store first = Store.open(dataDir);
        Store second = Store.open(dataDir)) {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        Store store = w % 2 == 0 ? first : second;
        String prefix = "w" + w + "-";
        writers.add(
            pool.submit(
                (Callable<Void>)
                    () -> {
                      start.await();
                      for (int i = 0; i < perWriter; i++) {
                        store.saveAccount(
                            patAccount(prefix + i, T0.plusSeconds(i)),
                            Map.of(SecretKind.PAT, new byte[] {(byte) i}));
                        store.addSource(source(prefix + i, "org", prefix, "repo" + i));
                      }
                      return null;
                    }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get();
      }
      assertThat(first.accounts()).hasSize(4 * perWriter);
      assertThat(second.sources()).hasSize(4 * perWriter);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoProcessesOpeningAFreshStoreAtOnceBothSucceed() throws Exception {
    Path dataDir = tmp.resolve("fresh");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> opens = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        opens.add(
            pool.submit(
                () -> {
                  start.await();
                  try (Store store = Store.open(dataDir)) {
                    return store.accounts().size();
                  }
                }));
      }
      start.countDown();
      for (Future<Integer> open : opens) {
        assertThat(open.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void toStringNamesTheDatabaseAndOwner() {
    try (Store store = Store.open(tmp)) {
      assertThat(store)
          .hasToString(
              "Store[jdbc:sqlite:"
                  + tmp.toAbsolutePath().resolve("ado-connect.db")
                  + ", owner local]");
    }
    assertThat(Database.redact("jdbc:postgresql://db/ado?user=u&password=p"))
        .isEqualTo("jdbc:postgresql://db/ado?…");
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<String> query(Path dataDir, String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("ado-connect.db"));
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }
}
