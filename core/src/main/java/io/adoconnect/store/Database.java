package io.adoconnect.store;

import io.adoconnect.NextStep;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * Opens the database behind a {@link Store}: the connection settings, file permissions and schema
 * migrations, kept out of the store's query code.
 *
 * <p>SQLite settings: WAL journal (readers don't block the writer), set once per database since it
 * is stored in the file; and on every connection a busy timeout (a second CLI process waits for the
 * first instead of failing at once), foreign keys on (off by default in SQLite), and {@code BEGIN
 * IMMEDIATE} transactions — a transaction takes the write lock when it starts, so it waits out the
 * busy timeout up front instead of failing with {@code SQLITE_BUSY} when it tries to upgrade a read
 * lock half-way through.
 */
final class Database {
  static final String FILE_NAME = "ado-connect.db";
  static final int BUSY_TIMEOUT_MILLIS = 10_000;
  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private Database() {}

  /**
   * {@code <dataDir>/ado-connect.db}, creating the directory (0700) and the file (0600) if needed,
   * and tightening them (and the -wal and -shm files) to those modes when they allow more.
   */
  static String prepareSqliteFile(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    Path file = dir.resolve(FILE_NAME);
    try {
      if (posix(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        tighten(dir, OWNER_ONLY_DIR);
        if (!Files.exists(file)) {
          // SQLite would create it world-readable (0644 under the usual umask); its -wal and -shm
          // files copy the database file's mode, so creating it 0600 covers all three.
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        // A store made by an older version, or copied in, may be readable by others: its
        // ciphertext is sealed, but names, e-mails and repository paths are not.
        for (String name : List.of(FILE_NAME, FILE_NAME + "-wal", FILE_NAME + "-shm")) {
          tighten(dir.resolve(name), OWNER_ONLY_FILE);
        }
      } else {
        Files.createDirectories(dir);
      }
    } catch (FileAlreadyExistsException e) {
      // another process created it between the check and the create: fine
    } catch (IOException e) {
      throw new StoreException(
          "ado-connect can't create its data directory " + dir + ".",
          "Check that it is writable, or choose another data directory (ADO_CONNECT_HOME).",
          e);
    }
    return SQLITE_PREFIX + file;
  }

  /**
   * Sets {@code path}'s mode to {@code wanted} when it allows more (a directory made 0755 or a
   * database 0644 by an older version or by hand); a file that isn't there is left alone.
   */
  private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
    Set<PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException gone) {
      return;
    }
    if (!wanted.containsAll(mode)) {
      try {
        Files.setPosixFilePermissions(path, wanted);
      } catch (IOException notOurs) {
        // e.g. owned by another user: the store still works; say so rather than refuse to start
        log.warn(
            "{} is {}, readable by others, and ado-connect could not change that: {}",
            path,
            PosixFilePermissions.toString(mode),
            notOurs.toString());
        return;
      }
      log.debug(
          "tightened the mode of {} from {} to {}",
          path,
          PosixFilePermissions.toString(mode),
          PosixFilePermissions.toString(wanted));
    }
  }

  /**
   * A Jdbi with what closes it: PostgreSQL's connection pool, or nothing (SQLite opens a connection
   * per call).
   */
  record Opened(Jdbi jdbi, AutoCloseable pool) {
    /** Closes the pool, if any; a failure to close is only logged. */
    void close() {
      if (pool != null) {
        try {
          pool.close();
        } catch (Exception e) {
          log.warn("closing the database connections failed: {}", e.toString());
        }
      }
    }
  }

  /** A Jdbi over {@code location} with the schema migrated to the latest version. */
  static Opened open(StoreLocation location) {
    if (location instanceof StoreLocation.Postgres postgres) {
      return open(postgres);
    }
    Path dataDir = ((StoreLocation.Sqlite) location).dataDir();
    String url = prepareSqliteFile(dataDir);
    SqliteNativeLibrary.useCopyIn(dataDir);
    return new Opened(open(url), null);
  }

  /** A Jdbi over {@code jdbcUrl} with the schema migrated to the latest version. */
  static Jdbi open(String jdbcUrl) {
    DataSource dataSource = jdbcUrl.startsWith(SQLITE_PREFIX) ? sqlite(jdbcUrl) : null;
    if (dataSource != null) {
      enableWal(dataSource, jdbcUrl);
    }
    migrate(jdbcUrl, dataSource);
    return jdbi(dataSource != null ? Jdbi.create(dataSource) : Jdbi.create(jdbcUrl));
  }

  private static Opened open(StoreLocation.Postgres location) {
    com.zaxxer.hikari.HikariDataSource pool = PostgresDataSource.pooled(location);
    try {
      migrationConfiguration().dataSource(pool).load().migrate();
    } catch (FlywayException e) {
      pool.close();
      throw PostgresDataSource.openFailure(location, e);
    }
    return new Opened(jdbi(Jdbi.create(pool)), pool);
  }

  private static Jdbi jdbi(Jdbi jdbi) {
    // Exceptions show the failing SQL but never the bound values (emails, ciphertext).
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
    return jdbi;
  }

  private static DataSource sqlite(String jdbcUrl) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(jdbcUrl);
    return dataSource;
  }

  /**
   * Switches the database to WAL. Not a per-connection setting: switching needs an exclusive lock
   * and SQLite fails it at once, without waiting out the busy timeout, when another process has the
   * database open (as when two commands open a fresh store together). So it is done here, retried
   * until the busy timeout. Once the file is in WAL mode this is a no-op.
   */
  private static void enableWal(DataSource dataSource, String jdbcUrl) {
    long deadline = System.nanoTime() + BUSY_TIMEOUT_MILLIS * 1_000_000L;
    while (true) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        return;
      } catch (SQLException e) {
        if (!isBusy(e) || System.nanoTime() > deadline) {
          throw new StoreException(
              "ado-connect could not open its store (" + redact(jdbcUrl) + ").",
              isBusy(e)
                  ? NextStep.of(
                      NextStep.Action.RETRY_LATER,
                      "Another ado-connect process kept it locked; wait for it to finish.")
                  : NextStep.advice(
                      "Check that the database file is readable and writable; the details are in"
                          + " the cause."),
              e);
        }
        sleep();
      }
    }
  }

  /** True if {@code e} or a cause is SQLite's "database is locked" (any SQLITE_BUSY variant). */
  static boolean isBusy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException s && s.getResultCode().name().startsWith("SQLITE_BUSY")) {
        return true;
      }
    }
    return false;
  }

  private static void sleep() {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(10, 50));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Opening the store was interrupted.", NextStep.NONE, e);
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration migrationConfiguration() {
    // The project logs through SLF4J; without a provider that is silence, not JUL on stderr.
    return Flyway.configure()
        .locations("classpath:db/migration")
        .cleanDisabled(true)
        .loggers("slf4j");
  }

  private static void migrate(String jdbcUrl, DataSource dataSource) {
    if (dataSource != null && SchemaVersion.isCurrent(dataSource)) {
      return;
    }
    var configuration = migrationConfiguration();
    configuration =
        dataSource != null
            ? configuration.dataSource(dataSource)
            : configuration.dataSource(jdbcUrl, null, null);
    try {
      configuration.load().migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "ado-connect could not prepare its store (" + redact(jdbcUrl) + ").",
          "If the store was written by a newer ado-connect, upgrade; otherwise restore the database"
              + " from a backup. The details are in the cause.",
          e);
    }
  }

  /** A JDBC URL without its query string, which may carry a password. */
  static String redact(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
