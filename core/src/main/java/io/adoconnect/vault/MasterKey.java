package io.adoconnect.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import java.util.Set;

/**
 * The deployment's master keyset as read from its {@link KeySource} at one moment: usually one key;
 * two (or more) while a rotation is unfinished, the newest being the primary that seals. Immutable:
 * a reload makes a new one.
 */
record MasterKey(KeysetHandle handle, Aead aead, Set<Integer> ids, int primaryId, String where) {

  static MasterKey load(KeySource source) {
    String where = source.describe();
    KeysetHandle handle = Keysets.parse(source.loadOrCreateKeyset(), where);
    return new MasterKey(
        handle,
        Keysets.aead(handle, where),
        Keysets.ids(handle),
        handle.getPrimary().getId(),
        where);
  }

  boolean holds(long keyId) {
    return ids.contains((int) keyId);
  }

  /** Key ids as Tink shows them in a keyset: unsigned. */
  static long unsigned(int keyId) {
    return Integer.toUnsignedLong(keyId);
  }
}
