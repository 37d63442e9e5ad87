package io.adoconnect.server;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in the PostgreSQL database that {@code -Dado.pg.url} names (scripts/pg; the
 * password in {@code -Dado.pg.passwordFile}), as the environment a service is given: the service
 * tests' side of core's TestDatabase. Without the property the test is skipped and says so; with
 * {@code -Dado.requirePostgres=true} (scripts/test) it fails instead.
 */
final class PostgresSchema implements AutoCloseable {
  private final String url;
  private final String user;
  private final String password;
  private final String schema;

  private PostgresSchema(String url, String user, String password, String schema) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.schema = schema;
  }

  static PostgresSchema create() {
    String given = System.getProperty("ado.pg.url", "");
    if (given.isBlank()) {
      String why =
          "PostgreSQL runs skipped: no -Dado.pg.url (scripts/pg start, then"
              + " -Dado.pg.url=$(scripts/pg url); scripts/test does both)";
      if (Boolean.getBoolean("ado.requirePostgres")) {
        fail(why.replace("skipped", "required (-Dado.requirePostgres=true)"));
      }
      System.err.println(why);
      Assumptions.abort(why);
    }
    // postgresql://USER@HOST:PORT/DB, as scripts/pg prints it
    String rest = given.substring(given.indexOf("://") + 3);
    String user = rest.substring(0, rest.indexOf('@'));
    String hostAndDb = rest.substring(rest.indexOf('@') + 1);
    Path passwordFile =
        Path.of(
            System.getProperty(
                "ado.pg.passwordFile",
                Path.of(System.getProperty("user.dir"))
                    .resolve("../target/pg/password")
                    .toString()));
    String password;
    try {
      password = Files.readString(passwordFile).strip();
    } catch (Exception e) {
      throw new IllegalStateException("can't read the PostgreSQL password file " + passwordFile, e);
    }
    String schema = "s_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    PostgresSchema created =
        new PostgresSchema("jdbc:postgresql://" + hostAndDb, user, password, schema);
    created.execute("CREATE SCHEMA " + schema);
    return created;
  }

  /** ADO_CONNECT_DATABASE_URL and its credentials, as a deployment sets them. */
  Map<String, String> environment(Path passwordFileDir) {
    Path file = passwordFileDir.resolve("database-password");
    try {
      Files.createDirectories(passwordFileDir);
      Files.writeString(file, password + "\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> env = new HashMap<>();
    env.put("ADO_CONNECT_DATABASE_URL", url + "?currentSchema=" + schema);
    env.put("ADO_CONNECT_DATABASE_USER", user);
    env.put("ADO_CONNECT_DATABASE_PASSWORD_FILE", file.toString());
    return env;
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    } catch (Exception e) {
      throw new IllegalStateException("PostgreSQL test setup failed: " + sql, e);
    }
  }

  @Override
  public void close() {
    execute("DROP SCHEMA " + schema + " CASCADE");
  }
}
