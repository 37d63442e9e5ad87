package io.adoconnect.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The cheap check that lets opening the store skip Flyway only when nothing is left to apply. */
class SchemaVersionTest {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

  @TempDir Path tmp;

  @Test
  void latestNamesTheHighestMigrationThisBuildShips() throws Exception {
    URL dir = SchemaVersion.class.getClassLoader().getResource("db/migration");
    assertThat(dir).isNotNull();
    int highest;
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      highest =
          files
              .map(f -> MIGRATION.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElseThrow();
    }
    // A new migration without raising LATEST would be skipped on every existing store.
    assertThat(SchemaVersion.LATEST).isEqualTo(highest);
  }

  @Test
  void onlyAStoreAtTheLatestVersionCountsAsCurrent() {
    SQLiteDataSource empty = sqlite("empty");
    assertThat(SchemaVersion.isCurrent(empty)).isFalse();

    SQLiteDataSource older = sqlite("older");
    Flyway.configure()
        .dataSource(older)
        .locations("classpath:db/migration")
        .target("3")
        .load()
        .migrate();
    assertThat(SchemaVersion.isCurrent(older)).isFalse();

    Path current = tmp.resolve("current");
    Store.open(current).close();
    SQLiteDataSource opened = new SQLiteDataSource();
    opened.setUrl("jdbc:sqlite:" + current.resolve(Database.FILE_NAME));
    assertThat(SchemaVersion.isCurrent(opened)).isTrue();
  }

  @Test
  void anOlderStoreIsStillMigratedWhenOpened() {
    SQLiteDataSource older = sqlite("upgrade");
    Flyway.configure()
        .dataSource(older)
        .locations("classpath:db/migration")
        .target("3")
        .load()
        .migrate();
    Store.open(tmp.resolve("upgrade")).close();
    assertThat(SchemaVersion.isCurrent(older)).isTrue();
  }

  private SQLiteDataSource sqlite(String name) {
    Path dir = tmp.resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
    return dataSource;
  }
}
