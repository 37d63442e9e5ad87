package io.adoconnect.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Instants as BIGINT epoch milliseconds, the store's one time format (see V1's schema). */
final class Millis {
  private Millis() {}

  static Long of(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  static Instant read(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
