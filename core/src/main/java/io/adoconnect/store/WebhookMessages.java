package io.adoconnect.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The webhook outbox ({@code webhook_messages}): written by {@link Store} in the transaction of the
 * change a message tells of, claimed and marked by whichever instance delivers it. Deployment-wide
 * like the applications, so reached through {@link Store#webhookMessages()}.
 */
public final class WebhookMessages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, application_id, end_user, type, payload, created_at, attempts, next_attempt_at,"
          + " delivered_at, gave_up_at, last_status, last_error";

  private final ApplicationStore.Transactions transactions;

  WebhookMessages(ApplicationStore.Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * Queues a message for the owner's application, in the caller's transaction — only when the owner
   * belongs to an application that has a webhook URL (the CLI's {@code local} owner never does).
   */
  static void record(
      Handle handle, String ownerKey, String type, Map<String, Object> data, Instant now) {
    if (ownerKey.equals(Store.LOCAL_OWNER) || ownerKey.indexOf('/') < 0) {
      return; // not an application's end user: nobody to tell
    }
    Owner owner = Owner.ofKey(ownerKey);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("timestamp", now.toString());
    Map<String, Object> withUser = new LinkedHashMap<>();
    withUser.put("endUser", owner.endUser());
    withUser.putAll(data);
    body.put("data", withUser);
    String payload;
    try {
      payload = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a webhook payload could not be written", e);
    }
    // INSERT … SELECT … WHERE: one statement decides and writes, on SQLite and PostgreSQL alike.
    handle
        .createUpdate(
            "INSERT INTO webhook_messages ("
                + COLUMNS
                + ") SELECT :id, id, :endUser, :type, :payload, :now, 0, :now,"
                + " NULL, NULL, NULL, NULL FROM applications"
                + " WHERE id = :application AND webhook_url IS NOT NULL AND revoked_at IS NULL")
        .bind("id", Ids.sortable("msg", now))
        .bind("endUser", owner.endUser())
        .bind("type", type)
        .bind("payload", payload)
        .bind("now", Millis.of(now))
        .bind("application", owner.application())
        .execute();
  }

  /**
   * Claims up to {@code max} messages that are due and not claimed by a live lease, oldest first,
   * for {@code leaseOwner} until {@code now + lease}. An instance that dies holding a claim only
   * delays its messages until the lease ends.
   */
  public List<WebhookMessage> claimDue(String leaseOwner, Instant now, Duration lease, int max) {
    Require.text(leaseOwner, "The lease owner");
    long until = now.plus(lease).toEpochMilli();
    return transactions.in(
        handle -> {
          handle
              .createUpdate(
                  "UPDATE webhook_messages SET lease_owner = :owner, lease_until = :until"
                      + " WHERE id IN (SELECT id FROM webhook_messages"
                      + " WHERE delivered_at IS NULL AND gave_up_at IS NULL"
                      + " AND next_attempt_at <= :now"
                      + " AND (lease_until IS NULL OR lease_until < :now)"
                      + " ORDER BY next_attempt_at, id LIMIT :max)"
                      + " AND (lease_until IS NULL OR lease_until < :now)")
              .bind("owner", leaseOwner)
              .bind("until", until)
              .bind("now", now.toEpochMilli())
              .bind("max", max)
              .execute();
          return handle
              .createQuery(
                  "SELECT "
                      + COLUMNS
                      + " FROM webhook_messages WHERE lease_owner = :owner AND lease_until = :until"
                      + " AND delivered_at IS NULL AND gave_up_at IS NULL"
                      + " ORDER BY next_attempt_at, id")
              .bind("owner", leaseOwner)
              .bind("until", until)
              .map((rs, ctx) -> message(rs))
              .list();
        });
  }

  /**
   * Records an attempt's outcome and releases the claim: delivered with a 2xx, otherwise retried at
   * {@code nextAttempt}, or given up when that is null. A no-op if the claim was lost meanwhile
   * (another instance took the message after the lease ran out).
   */
  public boolean attempted(
      String id,
      String leaseOwner,
      Integer status,
      String error,
      Instant at,
      boolean delivered,
      Instant nextAttempt) {
    return transactions.in(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE webhook_messages SET attempts = attempts + 1,"
                            + " last_status = :status, last_error = :error,"
                            + " delivered_at = :delivered, gave_up_at = :gaveUp,"
                            + " next_attempt_at = :next, lease_owner = NULL, lease_until = NULL"
                            + " WHERE id = :id AND lease_owner = :owner")
                    .bind("status", status)
                    .bind("error", error)
                    .bind("delivered", delivered ? Millis.of(at) : null)
                    .bind("gaveUp", !delivered && nextAttempt == null ? Millis.of(at) : null)
                    .bind("next", Millis.of(nextAttempt == null ? at : nextAttempt))
                    .bind("id", id)
                    .bind("owner", leaseOwner)
                    .execute()
                > 0);
  }

  /** How many messages wait for delivery (neither delivered nor given up), all applications'. */
  public long waiting() {
    return transactions.in(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM webhook_messages"
                        + " WHERE delivered_at IS NULL AND gave_up_at IS NULL")
                .mapTo(Long.class)
                .one());
  }

  /**
   * Ends every claim {@code leaseOwner} holds without recording an attempt (an instance shutting
   * down): another instance may deliver those messages at once rather than after the leases end.
   *
   * @return how many it released
   */
  public int releaseAll(String leaseOwner) {
    Require.text(leaseOwner, "The lease owner");
    return transactions.in(
        handle ->
            handle
                .createUpdate(
                    "UPDATE webhook_messages SET lease_owner = NULL, lease_until = NULL"
                        + " WHERE lease_owner = :owner AND delivered_at IS NULL"
                        + " AND gave_up_at IS NULL")
                .bind("owner", leaseOwner)
                .execute());
  }

  /** An application's messages, newest first: its delivery log. */
  public List<WebhookMessage> list(String applicationId, int limit) {
    return transactions.in(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM webhook_messages WHERE application_id = :app"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("app", applicationId)
                .bind("limit", limit)
                .map((rs, ctx) -> message(rs))
                .list());
  }

  private static WebhookMessage message(ResultSet rs) throws SQLException {
    int status = rs.getInt("last_status");
    Integer lastStatus = rs.wasNull() ? null : status;
    return new WebhookMessage(
        rs.getString("id"),
        rs.getString("application_id"),
        rs.getString("end_user"),
        rs.getString("type"),
        rs.getString("payload"),
        Millis.read(rs, "created_at"),
        rs.getInt("attempts"),
        Millis.read(rs, "next_attempt_at"),
        Millis.read(rs, "delivered_at"),
        Millis.read(rs, "gave_up_at"),
        lastStatus,
        rs.getString("last_error"));
  }
}
