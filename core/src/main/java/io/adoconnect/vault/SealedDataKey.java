package io.adoconnect.vault;

import java.util.Arrays;
import java.util.Objects;

/**
 * An owner's data key as the store keeps it: Tink's encrypted keyset, sealed by the master key
 * {@code masterKeyId} (unsigned, as Tink prints key ids) with the owner as associated data. Nothing
 * in it opens without that master key.
 */
public record SealedDataKey(long masterKeyId, byte[] sealed) {
  public SealedDataKey {
    Objects.requireNonNull(sealed, "sealed");
    if (sealed.length == 0) {
      throw new IllegalArgumentException("a sealed data key can't be empty");
    }
    sealed = sealed.clone();
  }

  @Override
  public byte[] sealed() {
    return sealed.clone();
  }

  /** Same master key and the same bytes: the compare-and-set a rotation's re-seal relies on. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SealedDataKey that
        && masterKeyId == that.masterKeyId
        && Arrays.equals(sealed, that.sealed);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(masterKeyId) + Arrays.hashCode(sealed);
  }

  @Override
  public String toString() {
    return "SealedDataKey[master key " + masterKeyId + ", " + sealed.length + " bytes]";
  }
}
