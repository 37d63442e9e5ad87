package io.adoconnect.store;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code device_flows} table, for one owner. */
final class DeviceFlowRepository {
  private static final String COLUMNS =
      "id, tenant, client_id, user_code, verification_uri, message, interval_seconds,"
          + " started_at, expires_at, state, polled_at, account_id, device_code";

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
