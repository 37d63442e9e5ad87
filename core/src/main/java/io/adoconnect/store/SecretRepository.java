package io.adoconnect.store;

import io.adoconnect.InvalidInputException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The {@code account_secrets} table: the Vault's ciphertext per account and {@link SecretKind}, for
 * one owner. Bytes in, bytes out; the store never holds a plaintext secret. Stored as base64 text,
 * the one binary-safe type SQLite and PostgreSQL share by name.
 */
final class SecretRepository {
  private final String owner;

  SecretRepository(String owner) {
    this.owner = owner;
  }

  /**
   * Makes {@code sealed} the account's complete set of secrets. Call inside a transaction: a
   * missing value fails half-way, and only the rollback keeps the old set.
   */
  void replaceAll(Handle handle, String accountId, Map<SecretKind, byte[]> sealed) {
    handle
        .createUpdate(
            "DELETE FROM account_secrets WHERE owner = :owner AND account_id = :accountId")
        .bind("owner", owner)
        .bind("accountId", accountId)
        .execute();
    for (Map.Entry<SecretKind, byte[]> entry : new EnumMap<>(sealed).entrySet()) {
      byte[] ciphertext = entry.getValue();
      if (ciphertext == null || ciphertext.length == 0) {
        throw new InvalidInputException(
            "The sealed "
                + entry.getKey().wireName()
                + " of account "
                + accountId
                + " is missing, so the account was not saved.",
            io.adoconnect.NextStep.NONE);
      }
      handle
          .createUpdate(
              "INSERT INTO account_secrets (owner, account_id, kind, ciphertext)"
                  + " VALUES (:owner, :accountId, :kind, :ciphertext)")
          .bind("owner", owner)
          .bind("accountId", accountId)
          .bind("kind", entry.getKey().wireName())
          .bind("ciphertext", Base64.getEncoder().encodeToString(ciphertext))
          .execute();
    }
  }

  Optional<byte[]> find(Handle handle, String accountId, SecretKind kind) {
    return handle
        .createQuery(
            "SELECT ciphertext FROM account_secrets"
                + " WHERE owner = :owner AND account_id = :accountId AND kind = :kind")
        .bind("owner", owner)
        .bind("accountId", accountId)
        .bind("kind", kind.wireName())
        .mapTo(String.class)
        .findOne()
        .map(Base64.getDecoder()::decode);
  }

  /**
   * Not needed when foreign keys cascade, but the delete must not depend on a connection setting.
   */
  void deleteAll(Handle handle, String accountId) {
    handle
        .createUpdate(
            "DELETE FROM account_secrets WHERE owner = :owner AND account_id = :accountId")
        .bind("owner", owner)
        .bind("accountId", accountId)
        .execute();
  }
}
