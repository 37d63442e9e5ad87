package io.adoconnect.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code hook_subscriptions} table, for one owner. */
final class HookSubscriptionRepository {
  private static final String COLUMNS =
      "id, remote_id, account_id, organization, project, project_id, repository, repository_id,"
          + " event_type, receiver_url, created_at";

  private final String owner;

  HookSubscriptionRepository(String owner) {
    this.owner = owner;
  }

  void insert(Handle handle, HookSubscriptionRecord s, byte[] sealedPassword) {
    if (sealedPassword == null || sealedPassword.length == 0) {
      throw new io.adoconnect.InvalidInputException(
          "The sealed password of subscription " + s.id() + " is missing, so it was not saved.",
          io.adoconnect.NextStep.NONE);
    }
    handle
        .createUpdate(
            "INSERT INTO hook_subscriptions (owner, "
                + COLUMNS
                + ", password) VALUES (:owner, :id, :remoteId, :accountId, :organization, :project,"
                + " :projectId, :repository, :repositoryId, :eventType, :receiverUrl, :createdAt,"
                + " :password)")
        .bind("owner", owner)
        .bind("id", s.id())
        .bind("remoteId", s.remoteId())
        .bind("accountId", s.accountId())
        .bind("organization", s.organization())
        .bind("project", s.project())
        .bind("projectId", s.projectId())
        .bind("repository", s.repository())
        .bind("repositoryId", s.repositoryId())
        .bind("eventType", s.eventType())
        .bind("receiverUrl", s.receiverUrl())
        .bind("createdAt", Millis.of(s.createdAt()))
        .bind("password", Base64.getEncoder().encodeToString(sealedPassword))
        .execute();
  }

  boolean setRemoteId(Handle handle, String id, String remoteId) {
    return handle
            .createUpdate(
                "UPDATE hook_subscriptions SET remote_id = :remoteId"
                    + " WHERE owner = :owner AND id = :id")
            .bind("owner", owner)
            .bind("id", id)
            .bind("remoteId", remoteId)
            .execute()
        > 0;
  }

  List<HookSubscriptionRecord> list(Handle handle) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM hook_subscriptions WHERE owner = :owner ORDER BY created_at, id")
        .bind("owner", owner)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  Optional<HookSubscriptionRecord> find(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT " + COLUMNS + " FROM hook_subscriptions WHERE owner = :owner AND id = :id")
        .bind("owner", owner)
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  Optional<byte[]> password(Handle handle, String id) {
    return handle
        .createQuery("SELECT password FROM hook_subscriptions WHERE owner = :owner AND id = :id")
        .bind("owner", owner)
        .bind("id", id)
        .mapTo(String.class)
        .findOne()
        .map(Base64.getDecoder()::decode);
  }

  boolean delete(Handle handle, String id) {
    return handle
            .createUpdate("DELETE FROM hook_subscriptions WHERE owner = :owner AND id = :id")
            .bind("owner", owner)
            .bind("id", id)
            .execute()
        > 0;
  }

  private static HookSubscriptionRecord row(ResultSet rs) throws SQLException {
    return new HookSubscriptionRecord(
        rs.getString("id"),
        rs.getString("remote_id"),
        rs.getString("account_id"),
        rs.getString("organization"),
        rs.getString("project"),
        rs.getString("project_id"),
        rs.getString("repository"),
        rs.getString("repository_id"),
        rs.getString("event_type"),
        rs.getString("receiver_url"),
        Millis.read(rs, "created_at"));
  }
}
