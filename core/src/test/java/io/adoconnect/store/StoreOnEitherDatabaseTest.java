package io.adoconnect.store;

import static io.adoconnect.store.Fixtures.T0;
import static io.adoconnect.store.Fixtures.patAccount;
import static io.adoconnect.store.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the store promises about the database, on SQLite and on PostgreSQL alike: the same schema
 * from the same migrations, owners apart, several stores (processes, instances) writing at once,
 * the deployment's applications and the claim on a device flow's poll.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class StoreOnEitherDatabaseTest {
  @Parameter TestDatabase kind;
  @TempDir Path tmp;
  TestDatabase.Instance database;

  @BeforeEach
  void create() {
    database = kind.create(tmp);
  }

  @AfterEach
  void drop() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void migrationsCreateTheSameTablesAndReopeningChangesNothing() throws Exception {
    try (Store store = database.open()) {
      store.saveAccount(patAccount("acc1", T0), Map.of(SecretKind.PAT, new byte[] {1}));
    }
    List<String> before = tables();
    try (Store again = database.open()) {
      assertThat(again.findAccount("acc1")).isPresent();
    }
    assertThat(before)
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
            "applications",
            "api_keys",
            "oauth_clients",
            "oauth_grants",
            "oauth_codes",
            "oauth_tokens",
            "login_tickets",
            "page_sessions",
            "page_session_tabs",
            "web_sign_ins",
            "flyway_schema_history");
    assertThat(tables()).isEqualTo(before);
  }

  @Test
  void ownersDontSeeEachOthersRows() {
    try (Store alice = database.open(new Owner("app", "alice"));
        Store bob = database.open(new Owner("app", "bob"))) {
      alice.saveAccount(patAccount("acc1", T0), Map.of(SecretKind.PAT, new byte[] {1}));
      alice.addSource(source("src1", "fabrikam", "Web", "app"));
      bob.saveAccount(
          patAccount("acc1", T0.plusSeconds(1)), Map.of(SecretKind.PAT, new byte[] {2}));
      Source bobs = bob.addSource(source("src1", "fabrikam", "Web", "app"));

      assertThat(alice.findAccount("acc1").orElseThrow().connectedAt()).isEqualTo(T0);
      assertThat(bob.sealedSecret("acc1", SecretKind.PAT).orElseThrow()).containsExactly(2);
      assertThat(bob.sources()).containsExactly(bobs);
      assertThat(bob.deleteAccount("acc1")).isTrue();
      assertThat(alice.accounts()).hasSize(1);
      assertThat(alice.sealedSecret("acc1", SecretKind.PAT)).isPresent();
    }
  }

  @Test
  void twoStoresOnOneDatabaseCanBothWriteAtOnce() throws Exception {
    int perWriter = 20;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try (Store first = database.open();
        Store second = database.open()) {
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
  void onlyOneOfTwoStoresClaimsADeviceFlowsPoll() {
    try (Store one = database.open();
        Store other = database.open()) {
      one.saveDeviceFlow(
          new DeviceFlowRecord(
              "f1",
              "common",
              "client",
              "CODE",
              "https://microsoft.com/devicelogin",
              "Enter CODE",
              5,
              T0,
              T0.plusSeconds(900),
              "pending",
              null,
              null,
              new byte[] {1}));
      Instant now = T0.plusSeconds(10);
      assertThat(one.claimDeviceFlowPoll("f1", now, now.plusSeconds(30))).isTrue();
      assertThat(other.claimDeviceFlowPoll("f1", now, now.plusSeconds(30))).isFalse();
      // a claim left by a killed instance lapses
      Instant later = now.plusSeconds(31);
      assertThat(other.claimDeviceFlowPoll("f1", later, later.plusSeconds(30))).isTrue();
    }
  }

  @Test
  void applicationsAndKeysAreTheDeploymentsAcrossStores() {
    try (Store one = database.open();
        Store other = database.open(Owner.ofKey("app/user"))) {
      ApplicationStore apps = one.applications();
      assertThat(
              apps.create(
                  new ApplicationRecord("app1", "orchestrator", null, T0, null),
                  new ApiKeyRecord("k1", "app1", T0, null),
                  "ab".repeat(32)))
          .isTrue();
      assertThat(other.applications().list())
          .extracting(ApplicationRecord::name)
          .containsExactly("orchestrator");
      assertThat(other.applications().findKey("k1").orElseThrow().hash())
          .isEqualTo("ab".repeat(32));
    }
  }

  @Test
  void aLoginTicketIsRedeemedOnceAcrossStoresAndNotAfterItExpires() {
    Owner alice = new Owner("app", "alice");
    try (Store one = database.open();
        Store other = database.open()) {
      PageAccessStore first = one.pageAccess();
      PageAccessStore second = other.pageAccess();
      first.addTicket("t1", alice, T0.plusSeconds(600), T0);
      first.addTicket("t2", Owner.LOCAL, T0.plusSeconds(60), T0);

      assertThat(second.isTicketOpen("t1", T0.plusSeconds(1))).isTrue();
      assertThat(second.redeemTicket("t1", T0.plusSeconds(1))).contains(alice);
      assertThat(first.redeemTicket("t1", T0.plusSeconds(2))).isEmpty();
      assertThat(first.isTicketOpen("t1", T0.plusSeconds(2))).isFalse();
      assertThat(second.redeemTicket("t2", T0.plusSeconds(60))).isEmpty(); // expired
      assertThat(second.redeemTicket("never", T0)).isEmpty();
    }
  }

  @Test
  void aPageSessionKeepsItsNewestTabsAndEndsEverywhereOnLogout() {
    Owner alice = new Owner("app", "alice");
    try (Store one = database.open();
        Store other = database.open()) {
      PageAccessStore first = one.pageAccess();
      PageAccessStore second = other.pageAccess();
      first.openSession(
          new PageAccessStore.StoredSession("s1", alice, T0.plusSeconds(3600)), "tab0", T0);
      for (int i = 1; i <= 3; i++) {
        second.addTab("s1", "tab" + i, T0.plusSeconds(i), 3);
      }

      assertThat(first.findSession("s1", T0.plusSeconds(10)).orElseThrow().owner())
          .isEqualTo(alice);
      assertThat(first.hasTab("s1", "tab0", T0.plusSeconds(10))).isFalse(); // the oldest went
      assertThat(first.hasTab("s1", "tab3", T0.plusSeconds(10))).isTrue();
      assertThat(first.findSession("s1", T0.plusSeconds(3600))).isEmpty(); // expired
      assertThat(first.hasTab("s1", "tab3", T0.plusSeconds(3600))).isFalse();

      second.closeSession("s1");
      assertThat(first.findSession("s1", T0.plusSeconds(10))).isEmpty();
      assertThat(first.hasTab("s1", "tab3", T0.plusSeconds(10))).isFalse();
    }
  }

  private List<String> tables() throws Exception {
    try (Connection c = database.connect();
        ResultSet rs =
            c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
      names.sort(null);
      return names;
    }
  }
}
