package io.adoconnect.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileSourceTest {
  @TempDir Path dir;

  @Test
  void createsTheKeyFileOwnerOnlyWithItsParents() throws Exception {
    Path file = dir.resolve("home/.ado-connect/key");
    new KeyFileSource(file).loadOrCreateKeyset();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(file)).contains("\"primaryKeyId\"");
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void reusesTheKeyOnTheSecondOpen() {
    Path file = dir.resolve("key");
    Secret first = new KeyFileSource(file).loadOrCreateKeyset();
    Secret second = new KeyFileSource(file).loadOrCreateKeyset();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void concurrentFirstUsesAgreeOnOneKey() throws Exception {
    Path file = dir.resolve("key");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Secret>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit((Callable<Secret>) () -> new KeyFileSource(file).loadOrCreateKeyset()));
      }
      Secret first = results.get(0).get();
      for (Future<Secret> result : results) {
        assertThat(result.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesAKeyFileOthersCanRead() throws Exception {
    Path file = dir.resolve("key");
    new KeyFileSource(file).loadOrCreateKeyset();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> new KeyFileSource(file).loadOrCreateKeyset())
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("can be read or changed by other users")
        .extracting(e -> ((VaultException) e).hint())
        .asString()
        .contains("chmod 600 " + file);
  }

  @Test
  void refusesAnEmptyKeyFile() throws Exception {
    Path file = ownerOnlyFile("");

    assertThatThrownBy(() -> new KeyFileSource(file).loadOrCreateKeyset())
        .isInstanceOf(VaultException.class)
        .hasMessage("The key file " + file + " is empty.");
  }

  @Test
  void refusesACorruptKeyFileWithoutQuotingIt() throws Exception {
    Path file = ownerOnlyFile("{\"primaryKeyId\": 12, \"key\": \"not-a-keyset-but-maybe-secret\"}");

    assertThatThrownBy(() -> new KeyFileSource(file).loadOrCreateKeyset())
        .isInstanceOf(VaultException.class)
        .hasMessage(
            "The encryption key in key file " + file + " is corrupt or not an ado-connect key.")
        .satisfies(
            e ->
                assertThat(e.getMessage() + ((VaultException) e).hint())
                    .doesNotContain("maybe-secret"))
        .hasNoCause();
  }

  @Test
  void describesItselfByPath() {
    Path file = dir.resolve("key");
    assertThat(new KeyFileSource(file).describe()).isEqualTo("key file " + file);
  }

  private Path ownerOnlyFile(String content) throws Exception {
    Path file =
        Files.createFile(
            dir.resolve("key"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
    return file;
  }
}
