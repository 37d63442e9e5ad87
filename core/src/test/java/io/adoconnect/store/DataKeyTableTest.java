package io.adoconnect.store;

import static io.adoconnect.store.Fixtures.T0;
import static io.adoconnect.store.Fixtures.patAccount;
import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.vault.SealedDataKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The data keys and sealed cells a master key rotation works on, on SQLite and PostgreSQL alike:
 * the first data key of a holder wins, a retiring master key seals nothing new, and re-sealing is a
 * compare-and-set.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class DataKeyTableTest {
  /** Above 2^31: Tink key ids are unsigned 32-bit. */
  private static final long OLD = 3_000_000_001L;

  private static final long NEW = 17L;

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
  void theFirstDataKeyOfAHolderIsKeptAndARetiringMasterKeySealsNothingNew() {
    try (Store store = database.open()) {
      DataKeyTable table = store.dataKeys();
      SealedDataKey first = new SealedDataKey(OLD, new byte[] {1, 2, 3});
      assertThat(table.addIfAbsent("app/alice", first)).contains(first);
      assertThat(table.addIfAbsent("app/alice", new SealedDataKey(OLD, new byte[] {9})))
          .as("another process's key for the same holder")
          .contains(first);
      assertThat(table.find("app/alice")).contains(first);
      assertThat(table.find("app/bob")).isEmpty();

      table.beginRotation(NEW, List.of(OLD));
      assertThat(table.addIfAbsent("app/bob", new SealedDataKey(OLD, new byte[] {4})))
          .as("under the retiring key")
          .isEmpty();
      assertThat(table.find("app/bob")).isEmpty();
      SealedDataKey bobs = new SealedDataKey(NEW, new byte[] {5});
      assertThat(table.addIfAbsent("app/bob", bobs)).contains(bobs);
      assertThat(table.masterKeyStates()).isEqualTo(Map.of(OLD, "retiring", NEW, "active"));
      assertThat(table.notSealedBy(NEW)).containsExactly(new DataKeyTable.Row("app/alice", first));

      SealedDataKey resealed = new SealedDataKey(NEW, new byte[] {6});
      assertThat(table.replace("app/alice", first, resealed)).isTrue();
      assertThat(table.replace("app/alice", first, new SealedDataKey(NEW, new byte[] {7})))
          .as("a stale compare-and-set")
          .isFalse();
      assertThat(table.find("app/alice")).contains(resealed);
      assertThat(table.countsByMasterKey()).isEqualTo(Map.of(NEW, 2));

      table.retire(List.of(OLD));
      table.beginRotation(NEW, List.of(OLD)); // a resumed rotation changes nothing
      assertThat(table.masterKeyStates()).isEqualTo(Map.of(OLD, "retired", NEW, "active"));
      assertThat(table.addIfAbsent("app/carol", new SealedDataKey(OLD, new byte[] {8})))
          .as("a retired key is never active again")
          .isEmpty();
    }
  }

  @Test
  void sealedCellsListEveryOwnersSecretsAndReplaceThemOnlyIfUnchanged() {
    try (Store store = database.open()) {
      store.saveAccount(patAccount("acc1", T0), Map.of(SecretKind.PAT, new byte[] {1, 1}));
      store
          .forOwner(new Owner("app", "bob"))
          .saveAccount(patAccount("acc2", T0), Map.of(SecretKind.PAT, new byte[] {2, 2}));

      List<SealedCells.Cell> cells = store.sealedCells().all();
      assertThat(cells)
          .extracting(SealedCells.Cell::holder, SealedCells.Cell::rowKey, SealedCells.Cell::kind)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("local", "acc1", "pat"),
              org.assertj.core.groups.Tuple.tuple("app/bob", "acc2", "pat"));
      SealedCells.Cell bobs =
          cells.stream().filter(c -> c.holder().equals("app/bob")).findFirst().orElseThrow();

      assertThat(store.sealedCells().replace(bobs, new byte[] {3, 3})).isTrue();
      assertThat(store.sealedCells().replace(bobs, new byte[] {4, 4})).as("stale").isFalse();
      assertThat(store.forOwner(new Owner("app", "bob")).sealedSecret("acc2", SecretKind.PAT))
          .hasValueSatisfying(v -> assertThat(v).containsExactly(3, 3));
      assertThat(store.sealedSecret("acc1", SecretKind.PAT))
          .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 1));
    }
  }
}
