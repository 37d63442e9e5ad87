package io.adoconnect.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code accounts} table and its child {@code account_organizations}, for one owner. */
final class AccountRepository {
  private static final String COLUMNS =
      "id, method, host, display_name, email, tenant_id, scope, connected_at, expires_at, status";

  private final String owner;

  AccountRepository(String owner) {
    this.owner = owner;
  }

  /**
   * Inserts or updates the account and replaces its organization list. Call inside a transaction.
   */
  void upsert(Handle handle, Account account) {
    // ON CONFLICT ... DO UPDATE is the upsert SQLite (3.24+) and PostgreSQL (9.5+) share. Not
    // SQLite's INSERT OR REPLACE: that deletes the row first, cascading to the account's secrets.
    handle
        .createUpdate(
            "INSERT INTO accounts (owner, "
                + COLUMNS
                + ")"
                + " VALUES (:owner, :id, :method, :host, :displayName, :email, :tenantId, :scope, :connectedAt, :expiresAt,"
                + " :status)"
                + " ON CONFLICT (owner, id) DO UPDATE SET method = excluded.method, host = excluded.host,"
                + " display_name = excluded.display_name, email = excluded.email, tenant_id = excluded.tenant_id,"
                + " scope = excluded.scope, connected_at = excluded.connected_at, expires_at = excluded.expires_at,"
                + " status = excluded.status")
        .bind("owner", owner)
        .bind("id", account.id())
        .bind("method", account.method().wireName())
        .bind("host", account.host())
        .bind("displayName", account.displayName())
        .bind("email", account.email())
        .bind("tenantId", account.tenantId())
        .bind("scope", account.scope())
        .bind("connectedAt", Millis.of(account.connectedAt()))
        .bind("expiresAt", Millis.of(account.expiresAt()))
        .bind("status", account.status().wireName())
        .execute();
    handle
        .createUpdate("DELETE FROM account_organizations WHERE owner = :owner AND account_id = :id")
        .bind("owner", owner)
        .bind("id", account.id())
        .execute();
    List<String> organizations = account.organizations();
    for (int i = 0; i < organizations.size(); i++) {
      handle
          .createUpdate(
              "INSERT INTO account_organizations (owner, account_id, ordinal, organization)"
                  + " VALUES (:owner, :id, :ordinal, :organization)")
          .bind("owner", owner)
          .bind("id", account.id())
          .bind("ordinal", i)
          .bind("organization", organizations.get(i))
          .execute();
    }
  }

  /** Records the Server collection instance the account reaches (connectionData's instanceId). */
  void setInstanceId(Handle handle, String id, String instanceId) {
    handle
        .createUpdate(
            "UPDATE accounts SET instance_id = :instanceId WHERE owner = :owner AND id = :id")
        .bind("owner", owner)
        .bind("id", id)
        .bind("instanceId", instanceId)
        .execute();
  }

  /** The account that reaches this Server collection instance, if one does. */
  Optional<Account> findByInstanceId(Handle handle, String instanceId) {
    return handle
        .createQuery(
            "SELECT id FROM accounts WHERE owner = :owner AND instance_id = :instanceId"
                + " ORDER BY connected_at, id")
        .bind("owner", owner)
        .bind("instanceId", instanceId)
        .mapTo(String.class)
        .findFirst()
        .flatMap(id -> find(handle, id));
  }

  Optional<Account> find(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM accounts WHERE owner = :owner AND id = :id")
        .bind("owner", owner)
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne()
        .map(row -> row.toAccount(organizations(handle, id)));
  }

  /** Oldest connection first; the id breaks ties so the order is stable. */
  List<Account> list(Handle handle) {
    List<Row> rows =
        handle
            .createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM accounts WHERE owner = :owner"
                    + " ORDER BY connected_at, id")
            .bind("owner", owner)
            .map((rs, ctx) -> row(rs))
            .list();
    Map<String, List<String>> organizations = new HashMap<>();
    handle
        .createQuery(
            "SELECT account_id, organization FROM account_organizations WHERE owner = :owner"
                + " ORDER BY account_id, ordinal")
        .bind("owner", owner)
        .map((rs, ctx) -> Map.entry(rs.getString("account_id"), rs.getString("organization")))
        .forEach(
            e ->
                organizations
                    .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(e.getValue()));
    return rows.stream()
        .map(r -> r.toAccount(organizations.getOrDefault(r.id, List.of())))
        .toList();
  }

  /**
   * Deletes the account and its organizations. Its secrets are the caller's to delete in the same
   * transaction; the foreign keys would cascade, but the delete doesn't rely on a connection
   * setting.
   */
  boolean delete(Handle handle, String id) {
    handle
        .createUpdate("DELETE FROM account_organizations WHERE owner = :owner AND account_id = :id")
        .bind("owner", owner)
        .bind("id", id)
        .execute();
    return handle
            .createUpdate("DELETE FROM accounts WHERE owner = :owner AND id = :id")
            .bind("owner", owner)
            .bind("id", id)
            .execute()
        > 0;
  }

  private List<String> organizations(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT organization FROM account_organizations"
                + " WHERE owner = :owner AND account_id = :id ORDER BY ordinal")
        .bind("owner", owner)
        .bind("id", id)
        .mapTo(String.class)
        .list();
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getString("id"),
        rs.getString("method"),
        rs.getString("host"),
        rs.getString("display_name"),
        rs.getString("email"),
        rs.getString("tenant_id"),
        rs.getString("scope"),
        Millis.read(rs, "connected_at"),
        Millis.read(rs, "expires_at"),
        rs.getString("status"));
  }

  /** An accounts row before its organizations are attached. */
  private record Row(
      String id,
      String method,
      String host,
      String displayName,
      String email,
      String tenantId,
      String scope,
      java.time.Instant connectedAt,
      java.time.Instant expiresAt,
      String status) {
    Account toAccount(List<String> organizations) {
      return new Account(
          id,
          ConnectionMethod.fromWireName(method),
          host,
          displayName,
          email,
          tenantId,
          scope,
          connectedAt,
          expiresAt,
          organizations,
          AccountStatus.fromWireName(status));
    }
  }
}
