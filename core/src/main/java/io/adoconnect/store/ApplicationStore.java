package io.adoconnect.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The deployment's applications and their API key hashes ({@code applications}, {@code api_keys}):
 * not an owner's rows, so reached through {@link Store#applications()} of any store over the
 * database. Each method is one transaction.
 */
public final class ApplicationStore {
  private static final String APP_COLUMNS = "id, name, webhook_url, created_at, revoked_at";
  private static final String KEY_COLUMNS = "id, application_id, created_at, revoked_at";

  /** The store's one way to run a transaction (with its error translation). */
  interface Transactions {
    <T> T in(HandleCallback<T, RuntimeException> work);
  }

  private final Transactions transactions;

  ApplicationStore(Transactions transactions) {
    this.transactions = transactions;
  }

  /** What a presented key's id points at: its application and the stored hash to compare. */
  public record StoredKey(ApiKeyRecord key, String hash) {
    @Override
    public String toString() {
      return "StoredKey[" + key + ", ****]";
    }
  }

  /**
   * Inserts an application and its first key together.
   *
   * @return false, inserting nothing, when another application already has that name
   */
  public boolean create(ApplicationRecord app, ApiKeyRecord key, String keyHash) {
    return in(
        handle -> {
          boolean taken =
              handle
                      .createQuery("SELECT COUNT(*) FROM applications WHERE name = :name")
                      .bind("name", app.name())
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (taken) {
            return false;
          }
          handle
              .createUpdate(
                  "INSERT INTO applications ("
                      + APP_COLUMNS
                      + ") VALUES (:id, :name, :webhookUrl, :createdAt, :revokedAt)")
              .bind("id", app.id())
              .bind("name", app.name())
              .bind("webhookUrl", app.webhookUrl())
              .bind("createdAt", Millis.of(app.createdAt()))
              .bind("revokedAt", Millis.of(app.revokedAt()))
              .execute();
          insertKey(handle, key, keyHash);
          return true;
        });
  }

  /** Adds a key to an existing application. */
  public void addKey(ApiKeyRecord key, String keyHash) {
    in(
        handle -> {
          insertKey(handle, key, keyHash);
          return null;
        });
  }

  /**
   * Sets, replaces or (with nulls) removes an application's webhook: its URL and the Vault
   * ciphertext of its signing secret, together.
   *
   * @return false when there is no such application
   */
  public boolean setWebhook(String applicationId, String url, byte[] sealedSecret) {
    return in(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE applications SET webhook_url = :url, webhook_secret = :secret"
                            + " WHERE id = :app")
                    .bind("url", url)
                    .bind(
                        "secret",
                        sealedSecret == null
                            ? null
                            : java.util.Base64.getEncoder().encodeToString(sealedSecret))
                    .bind("app", applicationId)
                    .execute()
                > 0);
  }

  /** The Vault ciphertext of an application's webhook signing secret, if it has a webhook. */
  public Optional<byte[]> sealedWebhookSecret(String applicationId) {
    return in(
        handle ->
            handle
                .createQuery(
                    "SELECT webhook_secret FROM applications WHERE id = :app"
                        + " AND webhook_secret IS NOT NULL")
                .bind("app", applicationId)
                .mapTo(String.class)
                .findOne()
                .map(java.util.Base64.getDecoder()::decode));
  }

  /** Every application, oldest first, revoked ones included. */
  public List<ApplicationRecord> list() {
    return in(
        handle ->
            handle
                .createQuery("SELECT " + APP_COLUMNS + " FROM applications ORDER BY created_at, id")
                .map((rs, ctx) -> app(rs))
                .list());
  }

  public Optional<ApplicationRecord> find(String id) {
    return in(
        handle ->
            handle
                .createQuery("SELECT " + APP_COLUMNS + " FROM applications WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> app(rs))
                .findOne());
  }

  /** An application's keys, oldest first, revoked ones included. */
  public List<ApiKeyRecord> keys(String applicationId) {
    return in(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + KEY_COLUMNS
                        + " FROM api_keys WHERE application_id = :app ORDER BY created_at, id")
                .bind("app", applicationId)
                .map((rs, ctx) -> key(rs))
                .list());
  }

  /** The key with this id and its hash, revoked or not. */
  public Optional<StoredKey> findKey(String keyId) {
    return in(
        handle ->
            handle
                .createQuery("SELECT " + KEY_COLUMNS + ", key_hash FROM api_keys WHERE id = :id")
                .bind("id", keyId)
                .map((rs, ctx) -> new StoredKey(key(rs), rs.getString("key_hash")))
                .findOne());
  }

  /**
   * Revokes one key of an application at {@code when}; a key already revoked keeps its time.
   *
   * @return false when the application has no such key
   */
  public boolean revokeKey(String applicationId, String keyId, Instant when) {
    return in(
        handle -> {
          handle
              .createUpdate(
                  "UPDATE api_keys SET revoked_at = :when WHERE id = :id AND application_id = :app"
                      + " AND revoked_at IS NULL")
              .bind("when", Millis.of(when))
              .bind("id", keyId)
              .bind("app", applicationId)
              .execute();
          return handle
                  .createQuery(
                      "SELECT COUNT(*) FROM api_keys WHERE id = :id AND application_id = :app")
                  .bind("id", keyId)
                  .bind("app", applicationId)
                  .mapTo(Integer.class)
                  .one()
              > 0;
        });
  }

  /**
   * Revokes an application and every key it has at {@code when}; already revoked ones keep their
   * time.
   *
   * @return false when there is no such application
   */
  public boolean revoke(String applicationId, Instant when) {
    return in(
        handle -> {
          handle
              .createUpdate(
                  "UPDATE api_keys SET revoked_at = :when WHERE application_id = :app"
                      + " AND revoked_at IS NULL")
              .bind("when", Millis.of(when))
              .bind("app", applicationId)
              .execute();
          return handle
                  .createUpdate(
                      "UPDATE applications SET revoked_at = COALESCE(revoked_at, :when)"
                          + " WHERE id = :app")
                  .bind("when", Millis.of(when))
                  .bind("app", applicationId)
                  .execute()
              > 0;
        });
  }

  private static void insertKey(Handle handle, ApiKeyRecord key, String keyHash) {
    Require.text(keyHash, "The key hash");
    handle
        .createUpdate(
            "INSERT INTO api_keys ("
                + KEY_COLUMNS
                + ", key_hash) VALUES (:id, :app, :createdAt, :revokedAt, :hash)")
        .bind("id", key.id())
        .bind("app", key.applicationId())
        .bind("createdAt", Millis.of(key.createdAt()))
        .bind("revokedAt", Millis.of(key.revokedAt()))
        .bind("hash", keyHash)
        .execute();
  }

  private <T> T in(HandleCallback<T, RuntimeException> work) {
    return transactions.in(work);
  }

  private static ApplicationRecord app(ResultSet rs) throws SQLException {
    return new ApplicationRecord(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("webhook_url"),
        Millis.read(rs, "created_at"),
        Millis.read(rs, "revoked_at"));
  }

  private static ApiKeyRecord key(ResultSet rs) throws SQLException {
    return new ApiKeyRecord(
        rs.getString("id"),
        rs.getString("application_id"),
        Millis.read(rs, "created_at"),
        Millis.read(rs, "revoked_at"));
  }
}
