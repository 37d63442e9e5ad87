package io.adoconnect.vault;

import java.util.Optional;

/**
 * Where the sealed data keys live: the store's {@code data_keys} table, one per holder (an owner's
 * key, see the store's Owner). The vault package only reads and adds; re-sealing under a new master
 * key is the rotation's job, which works on the table directly.
 */
public interface DataKeys {

  /** The holder's sealed data key, if it has one yet. */
  Optional<SealedDataKey> find(String holder);

  /**
   * Keeps {@code key} as the holder's data key unless it has one already, and returns the one kept
   * (another process's, when it got there first). Empty when the master key {@code
   * key.masterKeyId()} may no longer seal new data keys because a rotation is retiring it: the
   * caller reloads the master key (which by then holds the rotation's new one) and tries again.
   */
  Optional<SealedDataKey> addIfAbsent(String holder, SealedDataKey key);
}
