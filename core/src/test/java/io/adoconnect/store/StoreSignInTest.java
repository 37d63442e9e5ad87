package io.adoconnect.store;

import static io.adoconnect.store.Fixtures.T0;
import static io.adoconnect.store.Fixtures.deviceAccount;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What Entra sign-in keeps: account status, device flows in progress, organizations' tenants. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class StoreSignInTest {
  @Parameter TestDatabase kind;
  @TempDir Path dataDir;
  TestDatabase.Instance database;
  Store store;

  @BeforeEach
  void open() {
    database = kind.create(dataDir);
    store = database.open();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void markingReconnectNeededKeepsTheAccountAndItsSecrets() {
    store.saveAccount(deviceAccount("acc1", T0), Map.of(SecretKind.REFRESH_TOKEN, new byte[] {1}));

    store.setAccountStatus("acc1", AccountStatus.RECONNECT_NEEDED);

    assertThat(store.findAccount("acc1"))
        .get()
        .extracting(Account::status)
        .isEqualTo(AccountStatus.RECONNECT_NEEDED);
    assertThat(store.sealedSecret("acc1", SecretKind.REFRESH_TOKEN)).isPresent();
    assertThat(deviceAccount("acc2", T0).status()).isEqualTo(AccountStatus.CONNECTED);
  }

  @Test
  void aDeviceFlowSurvivesReopeningTheStoreAndRecordsEachPoll() {
    DeviceFlowRecord flow =
        new DeviceFlowRecord(
            "f1",
            "common",
            "client",
            "ABCD-EFGH",
            "http://x/devicelogin",
            "msg",
            5,
            T0,
            T0.plusSeconds(900),
            "pending",
            null,
            null,
            new byte[] {4, 2});
    store.saveDeviceFlow(flow);
    store.saveDeviceFlow(flow.polled("slow_down", 10, T0.plusSeconds(5), null));

    try (Store reopened = database.open()) {
      DeviceFlowRecord read = reopened.findDeviceFlow("f1").orElseThrow();
      assertThat(read.state()).isEqualTo("slow_down");
      assertThat(read.intervalSeconds()).isEqualTo(10);
      assertThat(read.polledAt()).isEqualTo(T0.plusSeconds(5));
      assertThat(read.sealedDeviceCode()).containsExactly(4, 2);
      assertThat(read.toString()).doesNotContain("[4, 2]");
      assertThat(reopened.deviceFlowIds()).containsExactly("f1");
    }
    assertThat(store.deleteDeviceFlow("f1")).isTrue();
    assertThat(store.findDeviceFlow("f1")).isEmpty();
  }

  @Test
  void organizationTenantsAreRememberedIgnoringCase() {
    store.saveOrganizationTenant("Fabrikam", "tenant-a", T0);
    store.saveOrganizationTenant("fabrikam", "tenant-b", T0.plusSeconds(1));

    assertThat(store.organizationTenants()).containsEntry("FABRIKAM", "tenant-b").hasSize(1);
  }
}
