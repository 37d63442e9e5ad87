package io.adoconnect.store;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Every stored ciphertext outside {@code data_keys}, across owners: what a master key rotation
 * checks for secrets an earlier release sealed directly with the master key, and moves to their
 * owner's data key with a compare-and-set ({@link #replace}). A new table that keeps a sealed value
 * belongs in {@link Column} if an older release sealed it with the master key: otherwise such a
 * secret stops opening once a rotation removes the old key.
 */
public final class SealedCells {

  /**
   * The sealed columns: the table, the column, the row key the binding is made from, and the owner
   * column ({@code null}: the deployment's own row, held by {@link Owner#LOCAL}).
   */
  public enum Column {
    /** An account's secret; bound to the account id (see {@link SecretKind#sealedFor}). */
    ACCOUNT_SECRET("account_secrets", "ciphertext", "account_id", "owner", "kind"),
    /** A service hook subscription's basic-auth password; bound to {@code hook_password:<id>}. */
    HOOK_PASSWORD("hook_subscriptions", "password", "id", "owner", null),
    /** A device code sign-in's device code; bound to {@code device-flow:<id>}. */
    DEVICE_CODE("device_flows", "device_code", "id", "owner", null),
    /** A web sign-in's PKCE verifier; bound to {@code web_sign_in:<state hash>}. */
    WEB_SIGN_IN_VERIFIER("web_sign_ins", "code_verifier", "state_hash", "owner", null),
    /** An application's webhook signing secret; bound to {@code webhook:<application id>}. */
    WEBHOOK_SECRET("applications", "webhook_secret", "id", null, null);

    private final String table;
    private final String column;
    private final String key;
    private final String owner;
    private final String kind;

    Column(String table, String column, String key, String owner, String kind) {
      this.table = table;
      this.column = column;
      this.key = key;
      this.owner = owner;
      this.kind = kind;
    }

    public String table() {
      return table;
    }
  }

  /**
   * One stored ciphertext: its column, the owner key that holds it, the row's key (account id,
   * subscription id, flow id, state hash or application id) and, for account secrets, the kind.
   */
  public record Cell(Column column, String holder, String rowKey, String kind, byte[] ciphertext) {}

  private final ApplicationStore.Transactions transactions;

  SealedCells(ApplicationStore.Transactions transactions) {
    this.transactions = transactions;
  }

  /** Every sealed value of every owner, column by column. */
  public List<Cell> all() {
    List<Cell> cells = new ArrayList<>();
    for (Column column : Column.values()) {
      String sql =
          "SELECT "
              + column.column
              + " AS c, "
              + column.key
              + " AS k"
              + (column.owner == null ? "" : ", " + column.owner + " AS o")
              + (column.kind == null ? "" : ", " + column.kind + " AS kind")
              + " FROM "
              + column.table
              + " WHERE "
              + column.column
              + " IS NOT NULL";
      cells.addAll(
          transactions.in(
              handle ->
                  handle
                      .createQuery(sql)
                      .map(
                          (rs, ctx) ->
                              new Cell(
                                  column,
                                  column.owner == null ? Store.LOCAL_OWNER : rs.getString("o"),
                                  rs.getString("k"),
                                  column.kind == null ? null : rs.getString("kind"),
                                  Base64.getDecoder().decode(rs.getString("c"))))
                      .list()));
    }
    return cells;
  }

  /**
   * Puts {@code ciphertext} in the cell's place if it still holds what {@link #all} read.
   *
   * @return false (changing nothing) when the row was rewritten or deleted meanwhile
   */
  public boolean replace(Cell cell, byte[] ciphertext) {
    Column column = cell.column();
    String sql =
        "UPDATE "
            + column.table
            + " SET "
            + column.column
            + " = :new WHERE "
            + column.key
            + " = :key AND "
            + column.column
            + " = :old"
            + (column.owner == null ? "" : " AND " + column.owner + " = :owner")
            + (column.kind == null ? "" : " AND " + column.kind + " = :kind");
    return transactions.in(
        handle -> {
          var update =
              handle
                  .createUpdate(sql)
                  .bind("new", Base64.getEncoder().encodeToString(ciphertext))
                  .bind("key", cell.rowKey())
                  .bind("old", Base64.getEncoder().encodeToString(cell.ciphertext()));
          if (column.owner != null) {
            update.bind("owner", cell.holder());
          }
          if (column.kind != null) {
            update.bind("kind", cell.kind());
          }
          return update.execute() == 1;
        });
  }
}
