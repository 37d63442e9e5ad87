package io.adoconnect.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The MCP authorization requests waiting for their owner's answer on the consent page (schema V16),
 * shared by every instance on the database: a request started through one instance is answered
 * through another. Kept by the SHA-256 of their id (the caller hashes), bounded per owner and in
 * all, each answered once. Reached through {@link OAuthStore#pendingAuthorizations()}.
 */
public final class OAuthPendingAuthorizations {
  /** A waiting request; {@code owner} is an {@link Owner#key()}. */
  public record Request(
      String idHash,
      String owner,
      String clientId,
      String clientName,
      String redirectUri,
      String state,
      String codeChallenge,
      String resource,
      boolean wantsWrite,
      Instant expiresAt) {
    public Request {
      Require.text(idHash, "The request id's hash");
      Require.text(owner, "The request's owner");
      Require.text(clientId, "The client id");
      Require.present(expiresAt, "The expiry time");
    }
  }

  /** Whether {@link #add} kept the request, or which bound refused it. */
  public enum Added {
    ADDED,
    OWNER_FULL,
    FULL
  }

  private static final String COLUMNS =
      "id_hash, owner, client_id, client_name, redirect_uri, state, code_challenge, resource,"
          + " wants_write, expires_at";

  private final ApplicationStore.Transactions transactions;

  OAuthPendingAuthorizations(ApplicationStore.Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * Keeps {@code request} unless its owner already has {@code maxPerOwner} waiting or all owners
   * together {@code max} (expired ones are deleted first and do not count).
   */
  public Added add(Request request, Instant now, int maxPerOwner, int max) {
    Require.present(request, "The request");
    return transactions.in(
        handle -> {
          handle
              .createUpdate("DELETE FROM oauth_pending_authorizations WHERE expires_at <= :now")
              .bind("now", Millis.of(now))
              .execute();
          int owners =
              handle
                  .createQuery(
                      "SELECT COUNT(*) FROM oauth_pending_authorizations WHERE owner = :owner")
                  .bind("owner", request.owner())
                  .mapTo(Integer.class)
                  .one();
          if (owners >= maxPerOwner) {
            return Added.OWNER_FULL;
          }
          int all =
              handle
                  .createQuery("SELECT COUNT(*) FROM oauth_pending_authorizations")
                  .mapTo(Integer.class)
                  .one();
          if (all >= max) {
            return Added.FULL;
          }
          handle
              .createUpdate(
                  "INSERT INTO oauth_pending_authorizations ("
                      + COLUMNS
                      + ") VALUES (:idHash, :owner, :clientId, :clientName, :redirectUri, :state,"
                      + " :codeChallenge, :resource, :wantsWrite, :expiresAt)")
              .bind("idHash", request.idHash())
              .bind("owner", request.owner())
              .bind("clientId", request.clientId())
              .bind("clientName", request.clientName())
              .bind("redirectUri", request.redirectUri())
              .bind("state", request.state())
              .bind("codeChallenge", request.codeChallenge())
              .bind("resource", request.resource())
              .bind("wantsWrite", request.wantsWrite() ? 1 : 0)
              .bind("expiresAt", Millis.of(request.expiresAt()))
              .execute();
          return Added.ADDED;
        });
  }

  /** The request, while it waits and has not expired at {@code now}. */
  public Optional<Request> find(String idHash, Instant now) {
    return transactions.in(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM oauth_pending_authorizations"
                        + " WHERE id_hash = :idHash AND expires_at > :now")
                .bind("idHash", idHash)
                .bind("now", Millis.of(now))
                .map((rs, ctx) -> request(rs))
                .findFirst());
  }

  /**
   * Removes and returns the request: it is answered once. Of two instances answering it at once,
   * one gets it and the other finds nothing.
   */
  public Optional<Request> take(String idHash, Instant now) {
    return transactions.in(
        handle -> {
          Optional<Request> found =
              handle
                  .createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM oauth_pending_authorizations"
                          + " WHERE id_hash = :idHash AND expires_at > :now")
                  .bind("idHash", idHash)
                  .bind("now", Millis.of(now))
                  .map((rs, ctx) -> request(rs))
                  .findFirst();
          if (found.isEmpty()) {
            return found;
          }
          int deleted =
              handle
                  .createUpdate("DELETE FROM oauth_pending_authorizations WHERE id_hash = :idHash")
                  .bind("idHash", idHash)
                  .execute();
          return deleted == 1 ? found : Optional.empty();
        });
  }

  private static Request request(ResultSet rs) throws SQLException {
    return new Request(
        rs.getString("id_hash"),
        rs.getString("owner"),
        rs.getString("client_id"),
        rs.getString("client_name"),
        rs.getString("redirect_uri"),
        rs.getString("state"),
        rs.getString("code_challenge"),
        rs.getString("resource"),
        rs.getInt("wants_write") != 0,
        Millis.read(rs, "expires_at"));
  }
}
