package io.adoconnect.store;

import java.time.Instant;
import java.util.List;

/** The {@code audit_log} table: deployment-wide, reached through {@link Store#auditLog()}. */
public final class AuditLog {
  private static final String COLUMNS =
      "id, application_id, end_user, via, action, target, status, at";

  private final ApplicationStore.Transactions transactions;

  AuditLog(ApplicationStore.Transactions transactions) {
    this.transactions = transactions;
  }

  /** Records one call of {@code owner}'s application for its end user. */
  public void record(
      Owner owner, String via, String action, String target, int status, Instant at) {
    transactions.in(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO audit_log ("
                        + COLUMNS
                        + ") VALUES (:id, :app, :user, :via, :action, :target, :status, :at)")
                .bind("id", Ids.sortable("aud", at))
                .bind("app", owner.application())
                .bind("user", owner.endUser())
                .bind("via", via)
                .bind("action", action)
                .bind("target", target)
                .bind("status", status)
                .bind("at", Millis.of(at))
                .execute());
  }

  /** An application's entries, newest first. */
  public List<AuditEntry> list(String applicationId, int limit) {
    return transactions.in(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM audit_log WHERE application_id = :app"
                        + " ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("app", applicationId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new AuditEntry(
                            rs.getString("id"),
                            rs.getString("application_id"),
                            rs.getString("end_user"),
                            rs.getString("via"),
                            rs.getString("action"),
                            rs.getString("target"),
                            rs.getInt("status"),
                            Millis.read(rs, "at")))
                .list());
  }
}
