package io.adoconnect.store;

import io.adoconnect.NextStep;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One token renewal per account at a time across service instances on different hosts that share a
 * PostgreSQL database: a session-level advisory lock ({@code pg_advisory_lock}) on a key derived
 * from the owner and the account, taken on a connection of its own that is held for the renewal and
 * closed after it. PostgreSQL drops the lock when that connection ends, so an instance that dies
 * mid-renewal never leaves an account locked.
 *
 * <p>The connection comes straight from the driver, not from the store's pool: a renewal holds it
 * while its own reads and writes take pooled connections, so many renewals at once can't starve the
 * pool of the connections they need to finish.
 *
 * <p>On SQLite there is nothing to do here: the database is one file on one host, and the caller's
 * OS file lock already covers every process that can open it.
 */
public final class RenewalLocks {
  /** The SQLSTATE PostgreSQL answers when {@code lock_timeout} ran out (lock_not_available). */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final DataSource postgres;
  private final String where;

  private RenewalLocks(DataSource postgres, String where) {
    this.postgres = postgres;
    this.where = where;
  }

  /** The locks for {@code location}: advisory locks on PostgreSQL, none needed on SQLite. */
  static RenewalLocks of(StoreLocation location) {
    return location instanceof StoreLocation.Postgres pg
        ? new RenewalLocks(PostgresDataSource.of(pg), pg.describe())
        : new RenewalLocks(null, location.describe());
  }

  /** No database lock: SQLite, or a store opened by JDBC URL alone. */
  static RenewalLocks none(String where) {
    return new RenewalLocks(null, where);
  }

  /**
   * Runs {@code work} while holding the renewal lock of {@code owner}'s account {@code accountId},
   * waiting up to {@code wait} for another instance to release it.
   *
   * @throws StoreException when the wait runs out (the message says an instance holds it) or the
   *     database can't be reached
   */
  <T> T withLock(String owner, String accountId, Duration wait, Supplier<T> work) {
    if (postgres == null) {
      return work.get();
    }
    long key = key(owner, accountId);
    Connection connection;
    try {
      connection = postgres.getConnection();
    } catch (SQLException e) {
      throw new StoreException(
          "ado-connect could not reach its database (" + where + ") to renew a sign-in.",
          NextStep.of(
              NextStep.Action.RETRY_LATER,
              "Check that PostgreSQL is running and reachable, then try again."),
          e);
    }
    try (connection) {
      lock(connection, key, wait, accountId);
      try {
        return work.get();
      } finally {
        unlock(connection, key);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "ado-connect lost its database connection (" + where + ") while renewing a sign-in.",
          NextStep.of(NextStep.Action.RETRY_LATER, "Try again; the renewal is safe to repeat."),
          e);
    }
  }

  private void lock(Connection connection, long key, Duration wait, String accountId)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // a bounded wait: lock_timeout covers advisory locks too, and is this session's alone
      statement.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
      statement.setLong(1, key);
      statement.execute();
    } catch (SQLException e) {
      if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
        throw new StoreException(
            "ado-connect waited "
                + wait.toSeconds()
                + " s to renew the sign-in of account "
                + accountId
                + ", but another instance on the same database ("
                + where
                + ") kept its renewal lock.",
            NextStep.of(
                NextStep.Action.RETRY_LATER,
                "A renewal takes seconds; that one is stuck. Restart the instance holding it"
                    + " (PostgreSQL then releases the lock) and try again."),
            e);
      }
      throw e;
    }
  }

  private static void unlock(Connection connection, long key) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      statement.setLong(1, key);
      statement.execute();
    }
  }

  /**
   * 64 bits of SHA-256 over a fixed prefix, the owner and the account: stable across instances and
   * versions, and apart from any other advisory lock key the database's users might take.
   */
  static long key(String owner, String accountId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("ado-connect renewal\0" + owner + "\0" + accountId)
                      .getBytes(StandardCharsets.UTF_8));
      long key = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        key = (key << 8) | (hash[i] & 0xff);
      }
      return key;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
