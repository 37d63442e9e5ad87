package io.adoconnect.store;

import io.adoconnect.vault.DataKeys;
import io.adoconnect.vault.SealedDataKey;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code data_keys} and {@code master_keys} tables: each owner's data key sealed by the master
 * key, deployment-wide (reached through {@link Store#dataKeys()}). The vault adds and reads; a
 * master key rotation marks keys retiring and re-seals rows with a compare-and-set, so a kill at
 * any moment leaves every row sealed by the old key or the new one. Each method is one transaction.
 */
public final class DataKeyTable implements DataKeys {
  private static final String ACTIVE = "active";
  private static final String RETIRING = "retiring";
  private static final String RETIRED = "retired";

  private final ApplicationStore.Transactions transactions;
  private final Clock clock;

  DataKeyTable(ApplicationStore.Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A holder's sealed data key, as the rotation lists them. */
  public record Row(String holder, SealedDataKey key) {}

  @Override
  public Optional<SealedDataKey> find(String holder) {
    return transactions.in(
        handle ->
            handle
                .createQuery("SELECT master_key_id, sealed FROM data_keys WHERE holder = :holder")
                .bind("holder", holder)
                .map((rs, ctx) -> key(rs.getLong("master_key_id"), rs.getString("sealed")))
                .findOne());
  }

  @Override
  public Optional<SealedDataKey> addIfAbsent(String holder, SealedDataKey key) {
    long now = clock.millis();
    return transactions.in(
        handle -> {
          handle
              .createUpdate(
                  "INSERT INTO master_keys (key_id, state, changed_at) VALUES (:id, :state, :now)"
                      + " ON CONFLICT DO NOTHING")
              .bind("id", key.masterKeyId())
              .bind("state", ACTIVE)
              .bind("now", now)
              .execute();
          // takes the master key's row lock: a rotation marking it retiring waits for us, or we
          // see its mark and seal with the new key instead
          int usable =
              handle
                  .createUpdate(
                      "UPDATE master_keys SET changed_at = changed_at"
                          + " WHERE key_id = :id AND state = :state")
                  .bind("id", key.masterKeyId())
                  .bind("state", ACTIVE)
                  .execute();
          if (usable == 0) {
            return Optional.<SealedDataKey>empty();
          }
          handle
              .createUpdate(
                  "INSERT INTO data_keys (holder, master_key_id, sealed, created_at)"
                      + " VALUES (:holder, :id, :sealed, :now) ON CONFLICT DO NOTHING")
              .bind("holder", holder)
              .bind("id", key.masterKeyId())
              .bind("sealed", Base64.getEncoder().encodeToString(key.sealed()))
              .bind("now", now)
              .execute();
          return handle
              .createQuery("SELECT master_key_id, sealed FROM data_keys WHERE holder = :holder")
              .bind("holder", holder)
              .map((rs, ctx) -> key(rs.getLong("master_key_id"), rs.getString("sealed")))
              .findOne();
        });
  }

  /**
   * Records {@code keyId} as the master key new data keys are sealed with, and the {@code retiring}
   * ones as keys nothing new may be sealed with; both idempotent, for a rotation that resumes.
   */
  public void beginRotation(long keyId, Iterable<Long> retiring) {
    long now = clock.millis();
    transactions.in(
        handle -> {
          handle
              .createUpdate(
                  "INSERT INTO master_keys (key_id, state, changed_at) VALUES (:id, :state, :now)"
                      + " ON CONFLICT DO NOTHING")
              .bind("id", keyId)
              .bind("state", ACTIVE)
              .bind("now", now)
              .execute();
          for (long old : retiring) {
            handle
                .createUpdate(
                    "INSERT INTO master_keys (key_id, state, changed_at) VALUES (:id, :state, :now)"
                        + " ON CONFLICT DO NOTHING")
                .bind("id", old)
                .bind("state", RETIRING)
                .bind("now", now)
                .execute();
            handle
                .createUpdate(
                    "UPDATE master_keys SET state = :state, changed_at = :now"
                        + " WHERE key_id = :id AND state = :active")
                .bind("id", old)
                .bind("state", RETIRING)
                .bind("active", ACTIVE)
                .bind("now", now)
                .execute();
          }
          return null;
        });
  }

  /** The data keys not (yet) sealed by {@code keyId}, in holder order. */
  public List<Row> notSealedBy(long keyId) {
    return transactions.in(
        handle ->
            handle
                .createQuery(
                    "SELECT holder, master_key_id, sealed FROM data_keys"
                        + " WHERE master_key_id <> :id ORDER BY holder")
                .bind("id", keyId)
                .map(
                    (rs, ctx) ->
                        new Row(
                            rs.getString("holder"),
                            key(rs.getLong("master_key_id"), rs.getString("sealed"))))
                .list());
  }

  /**
   * Replaces the holder's data key with {@code resealed} if it still is {@code current}.
   *
   * @return false (changing nothing) when the row changed or went meanwhile
   */
  public boolean replace(String holder, SealedDataKey current, SealedDataKey resealed) {
    return transactions.in(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE data_keys SET master_key_id = :newId, sealed = :newSealed"
                            + " WHERE holder = :holder AND master_key_id = :oldId"
                            + " AND sealed = :oldSealed")
                    .bind("holder", holder)
                    .bind("newId", resealed.masterKeyId())
                    .bind("newSealed", Base64.getEncoder().encodeToString(resealed.sealed()))
                    .bind("oldId", current.masterKeyId())
                    .bind("oldSealed", Base64.getEncoder().encodeToString(current.sealed()))
                    .execute()
                == 1);
  }

  /** Marks the {@code retired} master keys gone: nothing may be sealed with them again. */
  public void retire(Iterable<Long> retired) {
    long now = clock.millis();
    transactions.in(
        handle -> {
          for (long id : retired) {
            handle
                .createUpdate(
                    "UPDATE master_keys SET state = :state, changed_at = :now WHERE key_id = :id")
                .bind("id", id)
                .bind("state", RETIRED)
                .bind("now", now)
                .execute();
          }
          return null;
        });
  }

  /** How many data keys each master key seals, by key id. */
  public Map<Long, Integer> countsByMasterKey() {
    return transactions.in(
        handle -> {
          Map<Long, Integer> counts = new TreeMap<>();
          handle
              .createQuery(
                  "SELECT master_key_id, COUNT(*) AS n FROM data_keys GROUP BY master_key_id")
              .map((rs, ctx) -> Map.entry(rs.getLong("master_key_id"), rs.getInt("n")))
              .forEach(e -> counts.put(e.getKey(), e.getValue()));
          return counts;
        });
  }

  /** Each recorded master key's state ({@code active}, {@code retiring}, {@code retired}). */
  public Map<Long, String> masterKeyStates() {
    return transactions.in(
        handle -> {
          Map<Long, String> states = new TreeMap<>();
          handle
              .createQuery("SELECT key_id, state FROM master_keys")
              .map((rs, ctx) -> Map.entry(rs.getLong("key_id"), rs.getString("state")))
              .forEach(e -> states.put(e.getKey(), e.getValue()));
          return states;
        });
  }

  private static SealedDataKey key(long masterKeyId, String base64) {
    return new SealedDataKey(masterKeyId, Base64.getDecoder().decode(base64));
  }
}
