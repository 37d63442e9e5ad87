package io.adoconnect.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's native library is copied into the data directory once, not to /tmp on every start. */
class SqliteNativeLibraryTest {
  private static final List<String> PROPERTIES =
      List.of("org.sqlite.lib.path", "org.sqlite.lib.name", "org.sqlite.tmpdir");
  private final Map<String, String> saved = new HashMap<>();

  @TempDir Path dataDir;

  @BeforeEach
  void clear() {
    for (String p : PROPERTIES) {
      saved.put(p, System.getProperty(p));
      System.clearProperty(p);
    }
  }

  @AfterEach
  void restore() {
    saved.forEach(
        (p, v) -> {
          if (v == null) {
            System.clearProperty(p);
          } else {
            System.setProperty(p, v);
          }
        });
  }

  @Test
  void theLibraryIsCopiedOnceAndSqliteJdbcIsPointedAtTheCopy() throws Exception {
    SqliteNativeLibrary.useCopyIn(dataDir);

    Path dir = Path.of(System.getProperty("org.sqlite.lib.path"));
    Path library = dir.resolve(System.getProperty("org.sqlite.lib.name"));
    assertThat(dir).startsWith(dataDir.resolve("native"));
    assertThat(library).isRegularFile();
    assertThat(Files.size(library)).isGreaterThan(100_000);
    assertThat(System.getProperty("org.sqlite.tmpdir")).isEqualTo(dir.toString());
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(library, old);

    System.clearProperty("org.sqlite.lib.path"); // as a new process would start
    SqliteNativeLibrary.useCopyIn(dataDir);

    assertThat(Files.getLastModifiedTime(library)).as("not copied again").isEqualTo(old);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no partial copies left").containsExactly(library);
    }
  }

  @Test
  void aCopyOfTheWrongSizeIsReplaced() throws Exception {
    SqliteNativeLibrary.useCopyIn(dataDir);
    Path library =
        Path.of(System.getProperty("org.sqlite.lib.path"))
            .resolve(System.getProperty("org.sqlite.lib.name"));
    long size = Files.size(library);
    Files.write(library, new byte[] {1, 2, 3}); // cut short, say by a full disk

    System.clearProperty("org.sqlite.lib.path");
    SqliteNativeLibrary.useCopyIn(dataDir);

    assertThat(Files.size(library)).isEqualTo(size);
  }
}
