package io.adoconnect.store;

import io.adoconnect.auth.Secret;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link Store} keeps its rows: the embedded SQLite file of a data directory (the default,
 * for the CLI and a single-user service), or a PostgreSQL database named by {@value
 * DatabaseUrl#URL_VARIABLE} (a team deployment, several instances on one database).
 *
 * <pre>{@code
 * StoreLocation where = StoreLocation.fromEnvironment(dataDir, System.getenv());
 * try (Store store = Store.open(where, Owner.LOCAL)) { ... }
 * }</pre>
 */
public sealed interface StoreLocation {

  /** SQLite at {@code <dataDir>/ado-connect.db}. */
  static StoreLocation sqlite(Path dataDir) {
    return new Sqlite(dataDir);
  }

  /**
   * PostgreSQL when {@code env} names one ({@value DatabaseUrl#URL_VARIABLE}, with {@value
   * DatabaseUrl#USER_VARIABLE} and {@value DatabaseUrl#PASSWORD_VARIABLE} or {@value
   * DatabaseUrl#PASSWORD_FILE_VARIABLE}), otherwise SQLite in {@code dataDir}.
   *
   * @throws io.adoconnect.InvalidInputException when the URL or its credentials are malformed;
   *     nothing has connected yet
   */
  static StoreLocation fromEnvironment(Path dataDir, Map<String, String> env) {
    String url = env.get(DatabaseUrl.URL_VARIABLE);
    return url == null || url.isBlank() ? sqlite(dataDir) : DatabaseUrl.parse(url, env);
  }

  /** A short description for messages and logs: never a password. */
  String describe();

  /** The embedded default: one file, owner-only, in the data directory. */
  record Sqlite(Path dataDir) implements StoreLocation {
    public Sqlite {
      Objects.requireNonNull(dataDir, "dataDir");
    }

    @Override
    public String describe() {
      return "jdbc:sqlite:" + dataDir.toAbsolutePath().normalize().resolve(Database.FILE_NAME);
    }
  }

  /**
   * A PostgreSQL database: {@code jdbcUrl} carries neither user nor password; {@code password} is
   * empty when the server needs none (trust or peer authentication); {@code poolSize} is how many
   * connections this process keeps to it at most ({@value DatabaseUrl#POOL_SIZE_VARIABLE}).
   */
  record Postgres(String jdbcUrl, String user, Optional<Secret> password, int poolSize)
      implements StoreLocation {
    public Postgres {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      Objects.requireNonNull(password, "password");
      if (poolSize < 1) {
        throw new IllegalArgumentException("poolSize must be at least 1");
      }
    }

    /** With the default pool size ({@value DatabaseUrl#DEFAULT_POOL_SIZE}). */
    public Postgres(String jdbcUrl, String user, Optional<Secret> password) {
      this(jdbcUrl, user, password, DatabaseUrl.DEFAULT_POOL_SIZE);
    }

    @Override
    public String describe() {
      return Database.redact(jdbcUrl) + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
      return "Postgres[" + describe() + "]";
    }
  }
}
