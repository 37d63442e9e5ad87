package io.adoconnect.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Whether a database's schema is already at the newest migration this build ships, checked with one
 * query of Flyway's history table. Opening the store skips Flyway when it is: Flyway scans the
 * classpath and loads some 400 classes to find that there is nothing to do, which was a third of a
 * read-only command's start-up (scripts/bench cli).
 *
 * <p>{@link #LATEST} must name the highest {@code db/migration/V<n>__*.sql}; {@code
 * SchemaVersionTest} fails when a migration is added without raising it.
 */
final class SchemaVersion {
  /** The highest migration version in {@code db/migration}. */
  static final int LATEST = 17;

  private static final String QUERY =
      "SELECT version, success FROM flyway_schema_history"
          + " WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1";

  private SchemaVersion() {}

  /**
   * True when the last applied migration is {@link #LATEST} and it succeeded; false for a new
   * database, an older or newer schema, a failed migration, or anything unexpected — Flyway then
   * decides, as before.
   */
  static boolean isCurrent(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet last = statement.executeQuery(QUERY)) {
      return last.next()
          && last.getBoolean("success")
          && String.valueOf(LATEST).equals(last.getString("version"));
    } catch (SQLException e) {
      return false; // no history table yet, or a database Flyway should look at
    }
  }
}
