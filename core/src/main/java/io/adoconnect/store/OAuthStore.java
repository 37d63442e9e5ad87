package io.adoconnect.store;

import io.adoconnect.AdoConnectException;
import io.adoconnect.NextStep;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * What the MCP endpoint's OAuth authorization server keeps (schema V8): registered clients, the
 * grants people approved, and the codes and tokens issued under them — by hash only (the caller
 * hashes; this class never sees a code or token value).
 *
 * <p>A grant belongs to an {@link Owner} and is the family of every code and token issued under it:
 * {@link #revokeGrant} ends them all, and a refresh token or code presented a second time does the
 * same (RFC 9700 §4.14: a replayed refresh token means it leaked). Lookups by hash are not scoped
 * to an owner — a bearer token is how the owner is found — but everything they return names it.
 * Each method is one transaction; thread-safe.
 */
public final class OAuthStore implements AutoCloseable {
  /** A registered client (RFC 7591). */
  public record Client(
      String clientId, String clientName, List<String> redirectUris, Instant registeredAt) {
    public Client {
      Require.text(clientId, "The client id");
      redirectUris = List.copyOf(redirectUris);
      Require.present(registeredAt, "The registration time");
    }
  }

  /**
   * What one owner approved for one client, bound to one resource; the family of its tokens.
   *
   * @param owner {@link Owner#key()}
   */
  public record Grant(
      String id,
      String owner,
      String clientId,
      boolean canWrite,
      boolean sourcesOnly,
      String resource,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    public Grant {
      Require.text(id, "The grant id");
      Require.text(owner, "The grant's owner");
      Require.text(clientId, "The client id");
      Require.text(resource, "The resource");
      Require.present(createdAt, "The grant time");
    }

    public boolean isLive() {
      return revokedAt == null;
    }
  }

  /** A grant with the client it was given to, for the page's list of connected clients. */
  public record ConnectedClient(Grant grant, Client client) {}

  /** An authorization code, by hash, with its PKCE challenge and exact redirect URI. */
  public record Code(
      String codeHash,
      String grantId,
      String redirectUri,
      String codeChallenge,
      Instant expiresAt) {
    @Override
    public String toString() {
      return "Code[grant " + grantId + ", until " + expiresAt + "]";
    }
  }

  /** The kinds of token in {@code oauth_tokens}. */
  public enum Kind {
    ACCESS,
    REFRESH
  }

  private final Jdbi jdbi;
  private final AutoCloseable pool;

  private OAuthStore(Jdbi jdbi) {
    this(new Database.Opened(jdbi, null));
  }

  private OAuthStore(Database.Opened opened) {
    this.jdbi = opened.jdbi();
    this.pool = opened.pool();
  }

  /** The SQLite store of {@code dataDir} (the same database as {@link Store#open(Path)}). */
  public static OAuthStore open(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    return new OAuthStore(Database.open(Database.prepareSqliteFile(dataDir)));
  }

  /**
   * The OAuth tables at {@code location} (the same database as {@link Store#open(StoreLocation,
   * Owner)}).
   */
  public static OAuthStore open(StoreLocation location) {
    Require.present(location, "The store location");
    return new OAuthStore(Database.open(location));
  }

  /** Over any supported JDBC URL, with the schema brought up to date. */
  public static OAuthStore open(String jdbcUrl) {
    Require.text(jdbcUrl, "The database URL");
    return new OAuthStore(Database.open(jdbcUrl));
  }

  /** The authorization requests waiting for consent, shared by every instance on the database. */
  public OAuthPendingAuthorizations pendingAuthorizations() {
    return new OAuthPendingAuthorizations(this::inTransaction);
  }

  public void registerClient(Client client) {
    Require.present(client, "The client");
    inTransaction(
        h ->
            h.createUpdate(
                    "INSERT INTO oauth_clients (client_id, client_name, redirect_uris,"
                        + " registered_at) VALUES (:id, :name, :uris, :at)")
                .bind("id", client.clientId())
                .bind("name", client.clientName())
                .bind("uris", String.join("\n", client.redirectUris()))
                .bind("at", Millis.of(client.registeredAt()))
                .execute());
  }

  public Optional<Client> findClient(String clientId) {
    if (clientId == null || clientId.length() > 64) {
      return Optional.empty();
    }
    return inTransaction(
        h ->
            h.createQuery(
                    "SELECT client_id, client_name, redirect_uris, registered_at FROM oauth_clients"
                        + " WHERE client_id = :id")
                .bind("id", clientId)
                .map((rs, ctx) -> client(rs))
                .findOne());
  }

  /** How many clients registered at or after {@code since}: the registration endpoint's cap. */
  public int clientsRegisteredSince(Instant since) {
    return inTransaction(
        h ->
            h.createQuery("SELECT COUNT(*) FROM oauth_clients WHERE registered_at >= :since")
                .bind("since", Millis.of(since))
                .mapTo(Integer.class)
                .one());
  }

  /** Saves a new grant together with its first authorization code, in one transaction. */
  public void createGrant(Grant grant, Code code) {
    Require.present(grant, "The grant");
    Require.present(code, "The code");
    inTransaction(
        h -> {
          h.createUpdate(
                  "INSERT INTO oauth_grants (id, owner, client_id, can_write, sources_only,"
                      + " resource, created_at) VALUES (:id, :owner, :client, :write, :sources,"
                      + " :resource, :at)")
              .bind("id", grant.id())
              .bind("owner", grant.owner())
              .bind("client", grant.clientId())
              .bind("write", grant.canWrite() ? 1 : 0)
              .bind("sources", grant.sourcesOnly() ? 1 : 0)
              .bind("resource", grant.resource())
              .bind("at", Millis.of(grant.createdAt()))
              .execute();
          return h.createUpdate(
                  "INSERT INTO oauth_codes (code_hash, owner, grant_id, redirect_uri,"
                      + " code_challenge, expires_at) VALUES (:hash, :owner, :grant, :redirect,"
                      + " :challenge, :expires)")
              .bind("hash", code.codeHash())
              .bind("owner", grant.owner())
              .bind("grant", grant.id())
              .bind("redirect", code.redirectUri())
              .bind("challenge", code.codeChallenge())
              .bind("expires", Millis.of(code.expiresAt()))
              .execute();
        });
  }

  /**
   * Marks a code used and returns it with its grant, if it was unused, unexpired and its grant is
   * live. A code presented a second time revokes its grant (RFC 6749 §4.1.2: the tokens issued with
   * it are revoked) and returns empty.
   */
  public Optional<Redeemed> redeemCode(String codeHash, Instant now) {
    return inTransaction(
        h -> {
          Optional<CodeRow> row =
              h.createQuery(
                      "SELECT code_hash, grant_id, redirect_uri, code_challenge, expires_at, used_at"
                          + " FROM oauth_codes WHERE code_hash = :hash")
                  .bind("hash", codeHash)
                  .map(
                      (rs, ctx) ->
                          new CodeRow(
                              new Code(
                                  rs.getString("code_hash"),
                                  rs.getString("grant_id"),
                                  rs.getString("redirect_uri"),
                                  rs.getString("code_challenge"),
                                  Millis.read(rs, "expires_at")),
                              Millis.read(rs, "used_at") != null))
                  .findFirst();
          if (row.isEmpty()) {
            return Optional.empty();
          }
          Code code = row.get().code();
          if (row.get().used()) {
            revoke(h, code.grantId(), now);
            return Optional.empty();
          }
          h.createUpdate("UPDATE oauth_codes SET used_at = :now WHERE code_hash = :hash")
              .bind("now", Millis.of(now))
              .bind("hash", codeHash)
              .execute();
          if (!now.isBefore(code.expiresAt())) {
            return Optional.empty();
          }
          return liveGrant(h, code.grantId()).map(g -> new Redeemed(code, g));
        });
  }

  private record CodeRow(Code code, boolean used) {}

  /** A code redeemed, with the grant it was issued under. */
  public record Redeemed(Code code, Grant grant) {}

  /** Saves an issued token's hash under its grant. */
  public void saveToken(String tokenHash, String grantId, Kind kind, Instant expiresAt) {
    inTransaction(
        h ->
            h.createUpdate(
                    "INSERT INTO oauth_tokens (token_hash, owner, grant_id, kind, expires_at)"
                        + " SELECT :hash, owner, id, :kind, :expires FROM oauth_grants WHERE id ="
                        + " :grant")
                .bind("hash", tokenHash)
                .bind("grant", grantId)
                .bind("kind", kind.name())
                .bind("expires", Millis.of(expiresAt))
                .execute());
  }

  /** The live grant of an unexpired access token. */
  public Optional<Grant> findAccess(String tokenHash, Instant now) {
    return inTransaction(
        h ->
            h.createQuery(
                    "SELECT grant_id FROM oauth_tokens WHERE token_hash = :hash AND kind = 'ACCESS'"
                        + " AND expires_at > :now")
                .bind("hash", tokenHash)
                .bind("now", Millis.of(now))
                .mapTo(String.class)
                .findFirst()
                .flatMap(id -> liveGrant(h, id)));
  }

  /**
   * Uses a refresh token once: returns its live grant and marks the token used, so that the caller
   * issues its replacement. A token used before revokes its whole grant (a replay: someone else
   * holds a copy) and returns empty, as does an expired or unknown one.
   */
  public Optional<Grant> useRefresh(String tokenHash, Instant now) {
    return inTransaction(
        h -> {
          int used =
              h.createUpdate(
                      "UPDATE oauth_tokens SET used_at = :now WHERE token_hash = :hash AND kind ="
                          + " 'REFRESH' AND used_at IS NULL AND expires_at > :now")
                  .bind("now", Millis.of(now))
                  .bind("hash", tokenHash)
                  .execute();
          if (used == 0) {
            h.createQuery(
                    "SELECT grant_id FROM oauth_tokens WHERE token_hash = :hash AND kind ="
                        + " 'REFRESH' AND used_at IS NOT NULL")
                .bind("hash", tokenHash)
                .mapTo(String.class)
                .findFirst()
                .ifPresent(replayed -> revoke(h, replayed, now));
            return Optional.empty();
          }
          String grantId =
              h.createQuery("SELECT grant_id FROM oauth_tokens WHERE token_hash = :hash")
                  .bind("hash", tokenHash)
                  .mapTo(String.class)
                  .one();
          h.createUpdate("UPDATE oauth_grants SET last_used_at = :now WHERE id = :id")
              .bind("now", Millis.of(now))
              .bind("id", grantId)
              .execute();
          return liveGrant(h, grantId);
        });
  }

  /** The owner's live grants with their clients, newest first. */
  public List<ConnectedClient> grants(Owner owner) {
    return inTransaction(
        h ->
            h.createQuery(
                    "SELECT g.*, c.client_id AS c_id, c.client_name, c.redirect_uris,"
                        + " c.registered_at FROM oauth_grants g JOIN oauth_clients c ON"
                        + " c.client_id = g.client_id WHERE g.owner = :owner AND g.revoked_at IS"
                        + " NULL ORDER BY g.created_at DESC, g.id")
                .bind("owner", owner.key())
                .map((rs, ctx) -> new ConnectedClient(grant(rs), client(rs)))
                .list());
  }

  /**
   * Revokes one of the owner's grants and every token issued under it.
   *
   * @return false when the owner has no live grant with that id
   */
  public boolean revokeGrant(Owner owner, String grantId, Instant now) {
    return inTransaction(
        h ->
            h.createUpdate(
                        "UPDATE oauth_grants SET revoked_at = :now WHERE id = :id AND owner ="
                            + " :owner AND revoked_at IS NULL")
                    .bind("now", Millis.of(now))
                    .bind("id", grantId)
                    .bind("owner", owner.key())
                    .execute()
                > 0);
  }

  /**
   * Deletes codes and tokens that expired before {@code before}, and the tokens of grants revoked
   * before then.
   *
   * @return how many rows it deleted
   */
  public int prune(Instant before) {
    return inTransaction(
        h ->
            h.createUpdate("DELETE FROM oauth_codes WHERE expires_at < :t")
                    .bind("t", Millis.of(before))
                    .execute()
                + h.createUpdate("DELETE FROM oauth_tokens WHERE expires_at < :t")
                    .bind("t", Millis.of(before))
                    .execute());
  }

  /** Closes PostgreSQL's connection pool; nothing to release on SQLite. */
  @Override
  public void close() {
    new Database.Opened(jdbi, pool).close();
  }

  private static void revoke(Handle h, String grantId, Instant now) {
    h.createUpdate(
            "UPDATE oauth_grants SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
        .bind("now", Millis.of(now))
        .bind("id", grantId)
        .execute();
  }

  private static Optional<Grant> liveGrant(Handle h, String id) {
    return h.createQuery("SELECT * FROM oauth_grants WHERE id = :id AND revoked_at IS NULL")
        .bind("id", id)
        .map((rs, ctx) -> grant(rs))
        .findFirst();
  }

  private static Grant grant(ResultSet rs) throws SQLException {
    return new Grant(
        rs.getString("id"),
        rs.getString("owner"),
        rs.getString("client_id"),
        rs.getInt("can_write") != 0,
        rs.getInt("sources_only") != 0,
        rs.getString("resource"),
        Millis.read(rs, "created_at"),
        Millis.read(rs, "last_used_at"),
        Millis.read(rs, "revoked_at"));
  }

  private static Client client(ResultSet rs) throws SQLException {
    String uris = rs.getString("redirect_uris");
    return new Client(
        rs.getString("client_id"),
        rs.getString("client_name"),
        uris.lines().toList(),
        Millis.read(rs, "registered_at"));
  }

  private <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi.inTransaction(callback);
    } catch (AdoConnectException e) {
      throw e;
    } catch (JdbiException e) {
      throw new StoreException(
          "ado-connect could not read or write its MCP authorizations.",
          NextStep.advice("Try again; if it keeps failing, the details are in the cause."),
          e);
    }
  }
}
