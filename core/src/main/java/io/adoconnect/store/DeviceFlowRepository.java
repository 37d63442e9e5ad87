package io.adoconnect.store;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code device_flows} table, for one owner. */
final class DeviceFlowRepository {
  private static final String COLUMNS =
      "id, tenant, client_id, user_code, verification_uri, message, interval_seconds,"
          + " started_at, expires_at, state, polled_at, account_id, device_code";

  /** RFC 8628's outcomes after which a flow is never polled again (DeviceFlowState#isFinal). */
  private static final String FINAL_STATES = "'authorized', 'denied', 'expired'";

  private final String owner;

  DeviceFlowRepository(String owner) {
    this.owner = owner;
  }

  void upsert(Handle handle, DeviceFlowRecord flow) {
    handle
        .createUpdate(
            "INSERT INTO device_flows (owner, "
                + COLUMNS
                + ") VALUES (:owner, :id, :tenant, :clientId,"
                + " :userCode, :verificationUri, :message, :interval, :startedAt, :expiresAt, :state, :polledAt,"
                + " :accountId, :deviceCode)"
                + " ON CONFLICT (owner, id) DO UPDATE SET interval_seconds = excluded.interval_seconds,"
                + " state = excluded.state, polled_at = excluded.polled_at, account_id = excluded.account_id")
        .bind("owner", owner)
        .bind("id", flow.id())
        .bind("tenant", flow.tenant())
        .bind("clientId", flow.clientId())
        .bind("userCode", flow.userCode())
        .bind("verificationUri", flow.verificationUri())
        .bind("message", flow.message())
        .bind("interval", flow.intervalSeconds())
        .bind("startedAt", Millis.of(flow.startedAt()))
        .bind("expiresAt", Millis.of(flow.expiresAt()))
        .bind("state", flow.state())
        .bind("polledAt", Millis.of(flow.polledAt()))
        .bind("accountId", flow.accountId())
        .bind("deviceCode", Base64.getEncoder().encodeToString(flow.sealedDeviceCode()))
        .execute();
  }

  /**
   * Claims the next poll of a flow: succeeds for one caller only, and only while the flow is not
   * finished, its interval since the last poll has passed and no other claim is live.
   */
  boolean claimPoll(Handle handle, String id, Instant now, Instant claimUntil) {
    return handle
            .createUpdate(
                "UPDATE device_flows SET poll_claimed_until = :until"
                    + " WHERE owner = :owner AND id = :id AND state NOT IN ("
                    + FINAL_STATES
                    + ") AND (poll_claimed_until IS NULL OR poll_claimed_until <= :now)"
                    + " AND COALESCE(polled_at, started_at) + interval_seconds * 1000 <= :now")
            .bind("owner", owner)
            .bind("id", id)
            .bind("now", Millis.of(now))
            .bind("until", Millis.of(claimUntil))
            .execute()
        == 1;
  }

  /**
   * Records a poll's outcome and releases the claim. A finished flow is never changed again, except
   * that {@code authorized} wins over any other state: an account was created, whatever a later
   * poller (after a lapsed claim) was told.
   *
   * @return false when the stored flow was already finished and kept its state
   */
  boolean recordPoll(Handle handle, DeviceFlowRecord polled) {
    return handle
            .createUpdate(
                "UPDATE device_flows SET state = :state, interval_seconds = :interval,"
                    + " polled_at = :polledAt, account_id = :accountId, poll_claimed_until = NULL"
                    + " WHERE owner = :owner AND id = :id AND state <> 'authorized'"
                    + " AND (state NOT IN ("
                    + FINAL_STATES
                    + ") OR :state = 'authorized')")
            .bind("owner", owner)
            .bind("id", polled.id())
            .bind("state", polled.state())
            .bind("interval", polled.intervalSeconds())
            .bind("polledAt", Millis.of(polled.polledAt()))
            .bind("accountId", polled.accountId())
            .execute()
        == 1;
  }

  /** Releases a claim without recording an outcome (the poll failed before Entra answered). */
  void releaseClaim(Handle handle, String id) {
    handle
        .createUpdate(
            "UPDATE device_flows SET poll_claimed_until = NULL WHERE owner = :owner AND id = :id")
        .bind("owner", owner)
        .bind("id", id)
        .execute();
  }

  /** Deletes the flows whose code expired before {@code expiredBefore}, whatever their state. */
  int prune(Handle handle, Instant expiredBefore) {
    return handle
        .createUpdate("DELETE FROM device_flows WHERE owner = :owner AND expires_at < :before")
        .bind("owner", owner)
        .bind("before", Millis.of(expiredBefore))
        .execute();
  }

  Optional<DeviceFlowRecord> find(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM device_flows WHERE owner = :owner AND id = :id")
        .bind("owner", owner)
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new DeviceFlowRecord(
                    rs.getString("id"),
                    rs.getString("tenant"),
                    rs.getString("client_id"),
                    rs.getString("user_code"),
                    rs.getString("verification_uri"),
                    rs.getString("message"),
                    rs.getInt("interval_seconds"),
                    Millis.read(rs, "started_at"),
                    Millis.read(rs, "expires_at"),
                    rs.getString("state"),
                    Millis.read(rs, "polled_at"),
                    rs.getString("account_id"),
                    Base64.getDecoder().decode(rs.getString("device_code"))))
        .findOne();
  }

  List<String> ids(Handle handle) {
    return handle
        .createQuery("SELECT id FROM device_flows WHERE owner = :owner ORDER BY started_at")
        .bind("owner", owner)
        .mapTo(String.class)
        .list();
  }

  boolean delete(Handle handle, String id) {
    return handle
            .createUpdate("DELETE FROM device_flows WHERE owner = :owner AND id = :id")
            .bind("owner", owner)
            .bind("id", id)
            .execute()
        > 0;
  }
}
