package io.adoconnect.store;

import static io.adoconnect.store.Fixtures.T0;
import static io.adoconnect.store.Fixtures.deviceAccount;
import static io.adoconnect.store.Fixtures.patAccount;
import static io.adoconnect.store.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class StoreAccountsTest {
  private static final byte[] SEALED_PAT = {1, 2, 3, 0, (byte) 0xff};
  private static final byte[] SEALED_ACCESS = {9, 8, 7};
  private static final byte[] SEALED_REFRESH = {6, 5, 4};

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
  void savesAndFindsAnAccountWithItsSecrets() {
    Account account = patAccount("acc1", T0);
    store.saveAccount(account, Map.of(SecretKind.PAT, SEALED_PAT));

    assertThat(store.findAccount("acc1")).contains(account);
    assertThat(store.sealedSecret("acc1", SecretKind.PAT))
        .hasValueSatisfying(s -> assertThat(s).isEqualTo(SEALED_PAT));
    assertThat(store.sealedSecret("acc1", SecretKind.REFRESH_TOKEN)).isEmpty();
    assertThat(store.findAccount("nope")).isEmpty();
  }

  @Test
  void keepsOptionalFieldsNullAndInstantsToTheMillisecond() {
    Account sparse =
        new Account(
            "acc1",
            ConnectionMethod.PAT,
            "http://tfs.local:8080/tfs",
            null,
            null,
            null,
            null,
            Instant.parse("2025-03-01T10:15:30.123456789Z"),
            null,
            List.of("DefaultCollection"));
    store.saveAccount(sparse, Map.of(SecretKind.PAT, SEALED_PAT));

    Account read = store.findAccount("acc1").orElseThrow();
    assertThat(read).isEqualTo(sparse);
    assertThat(read.connectedAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123Z"));
    assertThat(read.isServices()).isFalse();
  }

  @Test
  void listsAccountsOldestFirst() {
    store.saveAccount(
        deviceAccount("late", T0.plusSeconds(60)), Map.of(SecretKind.ACCESS_TOKEN, SEALED_ACCESS));
    store.saveAccount(patAccount("early", T0), Map.of(SecretKind.PAT, SEALED_PAT));

    assertThat(store.accounts()).extracting(Account::id).containsExactly("early", "late");
    assertThat(store.accounts().get(0).organizations()).containsExactly("fabrikam", "contoso");
  }

  @Test
  void savingAgainReplacesTheAccountAndItsWholeSetOfSecrets() {
    store.saveAccount(
        deviceAccount("acc1", T0),
        Map.of(SecretKind.ACCESS_TOKEN, SEALED_ACCESS, SecretKind.REFRESH_TOKEN, SEALED_REFRESH));
    Account refreshed =
        new Account(
            "acc1",
            ConnectionMethod.DEVICE_CODE,
            "services",
            "Grace B. Hopper",
            "grace@contoso.com",
            "common",
            "scope",
            T0,
            T0.plusSeconds(7200),
            List.of("contoso", "tailspin"));
    store.saveAccount(refreshed, Map.of(SecretKind.ACCESS_TOKEN, SEALED_PAT));

    assertThat(store.accounts()).containsExactly(refreshed);
    assertThat(store.sealedSecret("acc1", SecretKind.ACCESS_TOKEN))
        .hasValueSatisfying(s -> assertThat(s).isEqualTo(SEALED_PAT));
    assertThat(store.sealedSecret("acc1", SecretKind.REFRESH_TOKEN)).isEmpty();
  }

  @Test
  void deleteRemovesTheAccountAndItsSecretsButNotItsSources() {
    store.saveAccount(
        deviceAccount("acc1", T0),
        Map.of(SecretKind.ACCESS_TOKEN, SEALED_ACCESS, SecretKind.REFRESH_TOKEN, SEALED_REFRESH));
    store.saveAccount(patAccount("acc2", T0), Map.of(SecretKind.PAT, SEALED_PAT));
    Source source = store.addSource(source("src1", "contoso", "Web", "app"));

    assertThat(store.deleteAccount("acc1")).isTrue();

    assertThat(store.findAccount("acc1")).isEmpty();
    assertThat(store.sealedSecret("acc1", SecretKind.ACCESS_TOKEN)).isEmpty();
    assertThat(store.sealedSecret("acc1", SecretKind.REFRESH_TOKEN)).isEmpty();
    assertThat(store.sources()).containsExactly(source);
    assertThat(store.sealedSecret("acc2", SecretKind.PAT)).isPresent();
    assertThat(store.deleteAccount("acc1")).as("already gone").isFalse();
  }

  @Test
  void aFailureHalfWayThroughSaveLeavesNothingWritten() {
    Map<SecretKind, byte[]> broken = new HashMap<>();
    broken.put(SecretKind.PAT, SEALED_PAT); // written first (kinds go in declaration order)...
    broken.put(SecretKind.ACCESS_TOKEN, null); // ...then this fails

    assertThatThrownBy(() -> store.saveAccount(patAccount("acc1", T0), broken))
        .isInstanceOf(InvalidInputException.class);

    assertThat(store.accounts()).isEmpty();
    assertThat(store.sealedSecret("acc1", SecretKind.PAT)).isEmpty();
  }

  @Test
  void aFailedReplaceKeepsThePreviousAccountAndSecrets() {
    Account original = deviceAccount("acc1", T0);
    store.saveAccount(
        original,
        Map.of(SecretKind.ACCESS_TOKEN, SEALED_ACCESS, SecretKind.REFRESH_TOKEN, SEALED_REFRESH));
    Map<SecretKind, byte[]> broken = new HashMap<>();
    broken.put(SecretKind.ACCESS_TOKEN, SEALED_PAT);
    broken.put(SecretKind.REFRESH_TOKEN, null);

    assertThatThrownBy(() -> store.saveAccount(patAccount("acc1", T0.plusSeconds(5)), broken))
        .isInstanceOf(InvalidInputException.class);

    assertThat(store.findAccount("acc1")).contains(original);
    assertThat(store.sealedSecret("acc1", SecretKind.ACCESS_TOKEN))
        .hasValueSatisfying(s -> assertThat(s).isEqualTo(SEALED_ACCESS));
    assertThat(store.sealedSecret("acc1", SecretKind.REFRESH_TOKEN))
        .hasValueSatisfying(s -> assertThat(s).isEqualTo(SEALED_REFRESH));
  }

  @Test
  void accountsAreValidated() {
    assertThatThrownBy(() -> patAccount(" ", T0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                new Account(
                    "a",
                    ConnectionMethod.PAT,
                    "tfs.local",
                    null,
                    null,
                    null,
                    null,
                    T0,
                    null,
                    List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("neither 'services' nor a server URL");
    assertThat(ConnectionMethod.fromWireName("authorization_code"))
        .isEqualTo(ConnectionMethod.AUTHORIZATION_CODE);
    assertThat(SecretKind.REFRESH_TOKEN.wireName()).isEqualTo("refresh_token");
  }
}
