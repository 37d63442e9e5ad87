package io.adoconnect.store;

import static org.assertj.core.api.Assertions.fail;

import io.adoconnect.auth.Secret;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the store's tests run on, as a {@code @ParameterizedClass} parameter: SQLite
 * always, and PostgreSQL when {@code -Dado.pg.url} names one ({@code scripts/pg start} prints it;
 * {@code -Dado.pg.passwordFile} names its password file, {@code target/pg/password} by default).
 * Without it the PostgreSQL runs are skipped, and say so; with {@code -Dado.requirePostgres=true}
 * (as {@code scripts/test} runs them) they fail instead.
 *
 * <p>Each test gets a database of its own: a new SQLite file, or a new schema in the PostgreSQL
 * database ({@code currentSchema} in the URL), dropped by {@link Instance#close()}.
 */
public enum TestDatabase {
  SQLITE,
  POSTGRESQL;

  private static final AtomicBoolean SAID_SKIPPED = new AtomicBoolean();

  /** A fresh, empty database of this kind; {@code tmp} holds the SQLite file. */
  public Instance create(Path tmp) {
    return this == SQLITE ? new Instance(StoreLocation.sqlite(tmp), null) : postgres();
  }

  /**
   * The environment a process (a CLI or a service) would be given for a fresh PostgreSQL schema, or
   * aborts (skips) the test as {@link #create} does.
   */
  public static Map<String, String> postgresEnvironment(Instance instance) {
    StoreLocation.Postgres pg = (StoreLocation.Postgres) instance.location();
    Map<String, String> env = new HashMap<>();
    env.put(DatabaseUrl.URL_VARIABLE, pg.jdbcUrl());
    env.put(DatabaseUrl.USER_VARIABLE, pg.user());
    env.put(DatabaseUrl.PASSWORD_FILE_VARIABLE, passwordFile().toString());
    return env;
  }

  private static Instance postgres() {
    String url = System.getProperty("ado.pg.url", "");
    if (url.isBlank()) {
      String why =
          "PostgreSQL runs skipped: no -Dado.pg.url (start one with scripts/pg start, then pass"
              + " -Dado.pg.url=$(scripts/pg url); scripts/test does both)";
      if (Boolean.getBoolean("ado.requirePostgres")) {
        fail(why.replace("skipped", "required (-Dado.requirePostgres=true)"));
      }
      if (SAID_SKIPPED.compareAndSet(false, true)) {
        System.err.println(why);
      }
      Assumptions.abort(why);
    }
    Map<String, String> env = new HashMap<>();
    env.put(DatabaseUrl.PASSWORD_FILE_VARIABLE, passwordFile().toString());
    StoreLocation.Postgres server = DatabaseUrl.parse(url, env);
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    execute(server, "CREATE SCHEMA " + schema);
    String separator = server.jdbcUrl().contains("?") ? "&" : "?";
    StoreLocation.Postgres location =
        new StoreLocation.Postgres(
            server.jdbcUrl() + separator + "currentSchema=" + schema,
            server.user(),
            server.password());
    return new Instance(location, () -> execute(server, "DROP SCHEMA " + schema + " CASCADE"));
  }

  private static Path passwordFile() {
    return Path.of(
        System.getProperty(
            "ado.pg.passwordFile",
            Path.of(System.getProperty("user.dir")).resolve("../target/pg/password").toString()));
  }

  static void execute(StoreLocation.Postgres location, String sql) {
    try (Connection c =
            DriverManager.getConnection(
                location.jdbcUrl(),
                location.user(),
                location.password().map(Secret::reveal).orElse(null));
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    } catch (Exception e) {
      throw new IllegalStateException("PostgreSQL test setup failed: " + sql, e);
    }
  }

  /** One test's database: open stores on it, then close it. */
  public record Instance(StoreLocation location, Runnable drop) implements AutoCloseable {
    public Store open(Owner owner) {
      return Store.open(location, owner);
    }

    public Store open() {
      return open(Owner.LOCAL);
    }

    public boolean isPostgres() {
      return location instanceof StoreLocation.Postgres;
    }

    /** A plain JDBC connection to this database (for looking at the schema itself). */
    public Connection connect() throws java.sql.SQLException {
      if (location instanceof StoreLocation.Postgres pg) {
        return DriverManager.getConnection(
            pg.jdbcUrl(), pg.user(), pg.password().map(Secret::reveal).orElse(null));
      }
      return DriverManager.getConnection(location.describe());
    }

    /** The SQLite file's directory; empty on PostgreSQL. */
    public Optional<Path> sqliteDir() {
      return location instanceof StoreLocation.Sqlite s
          ? Optional.of(s.dataDir())
          : Optional.empty();
    }

    @Override
    public void close() {
      if (drop != null) {
        drop.run();
      }
    }
  }
}
