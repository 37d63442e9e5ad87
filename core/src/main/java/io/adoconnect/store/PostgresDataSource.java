package io.adoconnect.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.adoconnect.NextStep;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL side of {@link Database}: a data source from a {@link StoreLocation.Postgres}, and
 * the one translation of "could not open it" into what an operator does next. The password is
 * handed to the driver and nowhere else; the driver's own messages never contain it.
 */
final class PostgresDataSource {
  /** Seconds to wait for the server to accept a connection, and for the login to finish. */
  static final int CONNECT_TIMEOUT_SECONDS = 10;

  private PostgresDataSource() {}

  static DataSource of(StoreLocation.Postgres location) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(location.jdbcUrl());
    if (location.user() != null) {
      dataSource.setUser(location.user());
    }
    location.password().ifPresent(p -> dataSource.setPassword(p.reveal()));
    if (!location.jdbcUrl().contains("connectTimeout=")) {
      dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    }
    if (!location.jdbcUrl().contains("loginTimeout=")) {
      dataSource.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
    }
    if (!location.jdbcUrl().contains("ApplicationName=")) {
      dataSource.setApplicationName("ado-connect");
    }
    return dataSource;
  }

  /**
   * A pool of at most {@link StoreLocation.Postgres#poolSize()} connections over {@link #of}: a
   * caller waits up to {@value #CONNECT_TIMEOUT_SECONDS} s for one, then fails with an error that
   * names the pool ({@link #poolExhausted}). Connections unused for a minute are closed, so an idle
   * instance holds none.
   */
  static HikariDataSource pooled(StoreLocation.Postgres location) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(of(location));
    config.setPoolName("ado-connect");
    config.setMaximumPoolSize(location.poolSize());
    config.setMinimumIdle(0);
    config.setIdleTimeout(Duration.ofMinutes(1).toMillis());
    config.setConnectionTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS).toMillis());
    // fail at start (with openFailure's message) rather than on the first request
    config.setInitializationFailTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS).toMillis());
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw openFailure(location, e);
    }
  }

  /**
   * True when {@code e} is the pool's "no connection within the timeout" and the database itself
   * was reachable: every connection was busy.
   */
  static boolean poolExhausted(Throwable e) {
    return cause(e, SQLTransientConnectionException.class) != null
        && cause(e, ConnectException.class) == null
        && cause(e, UnknownHostException.class) == null;
  }

  /** Why the database could not be opened or migrated, and what to do about it. */
  static StoreException openFailure(StoreLocation.Postgres location, Exception e) {
    String where = location.describe();
    SQLException sql = cause(e, SQLException.class);
    String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    if (state.startsWith("08")
        || cause(e, ConnectException.class) != null
        || cause(e, UnknownHostException.class) != null) {
      return new StoreException(
          "ado-connect can't reach its PostgreSQL database (" + where + ").",
          NextStep.advice(
              "Check that PostgreSQL is running and accepts connections from this host, and that"
                  + " "
                  + DatabaseUrl.URL_VARIABLE
                  + " names it; then try again."),
          e);
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return new StoreException(
          "PostgreSQL refused ado-connect's login (" + where + ").",
          NextStep.advice(
              "Check the user ("
                  + DatabaseUrl.USER_VARIABLE
                  + " or the URL) and the password ("
                  + DatabaseUrl.PASSWORD_FILE_VARIABLE
                  + " or "
                  + DatabaseUrl.PASSWORD_VARIABLE
                  + "), and that pg_hba.conf lets this host in."),
          e);
    }
    if (state.equals("3D000")) {
      return new StoreException(
          "The PostgreSQL database in "
              + DatabaseUrl.URL_VARIABLE
              + " does not exist ("
              + where
              + ").",
          NextStep.advice(
              "Create it (CREATE DATABASE … OWNER …) or correct the URL; ado-connect creates its"
                  + " tables itself."),
          e);
    }
    if (state.equals("42501")) {
      return new StoreException(
          "The database user may not create ado-connect's tables (" + where + ").",
          NextStep.advice(
              "Let the user create tables in the database's schema (make it the database's owner),"
                  + " then try again."),
          e);
    }
    return new StoreException(
        "ado-connect could not prepare its PostgreSQL store (" + where + ").",
        NextStep.advice(
            "If the store was written by a newer ado-connect, upgrade; otherwise restore the"
                + " database from a backup. The details are in the cause."),
        e);
  }

  static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
