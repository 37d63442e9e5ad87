package io.adoconnect.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Set;

/**
 * The one place that turns keysets into JSON and back, shared by every {@link KeySource} so a key
 * file and a keychain entry hold exactly the same string. The JSON holds the raw key, which is why
 * it only ever travels as a {@link Secret}.
 */
final class Keysets {
  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Keysets() {}

  /** A fresh single-key AES-256-GCM keyset, serialized as Tink JSON. */
  static Secret generate() {
    try {
      Configuration configuration = RegistryConfiguration.get();
      KeysetHandle handle =
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, configuration);
      return Secret.of(
          TinkJsonProtoKeysetFormat.serializeKeyset(
              handle, configuration, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "ado-connect could not generate an encryption key.",
          "Check that the Java runtime provides AES-GCM (any standard JDK 17+ does).",
          e);
    }
  }

  /** A fresh single-key AES-256-GCM keyset whose key id is none of {@code taken}. */
  static KeysetHandle generateAvoiding(Set<Integer> taken) {
    try {
      KeysetHandle handle;
      do {
        handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, configuration());
      } while (taken.contains(handle.getPrimary().getId()));
      return handle;
    } catch (GeneralSecurityException e) {
      throw cannotGenerate(e);
    }
  }

  /**
   * {@code handle} plus a fresh key that becomes the primary: what seals from now on, while the
   * older keys still open what they sealed.
   */
  static KeysetHandle withNewPrimary(KeysetHandle handle) {
    try {
      Set<Integer> taken = ids(handle);
      while (true) {
        KeysetHandle grown =
            KeysetHandle.newBuilder(handle)
                .addEntry(
                    KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        if (!taken.contains(grown.getPrimary().getId())) {
          return grown;
        }
      }
    } catch (GeneralSecurityException e) {
      throw cannotGenerate(e);
    }
  }

  /** {@code handle} without the keys {@code retired} (never its primary). */
  static KeysetHandle without(KeysetHandle handle, Set<Integer> retired) {
    if (retired.contains(handle.getPrimary().getId())) {
      throw new IllegalArgumentException("the primary key can't be retired");
    }
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
    for (int i = builder.size() - 1; i >= 0; i--) {
      if (retired.contains(handle.getAt(i).getId())) {
        builder.deleteAt(i);
      }
    }
    try {
      return builder.build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a keyset without its retired keys did not build", e);
    }
  }

  /** The ids of every key in {@code handle}. */
  static Set<Integer> ids(KeysetHandle handle) {
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < handle.size(); i++) {
      ids.add(handle.getAt(i).getId());
    }
    return Set.copyOf(ids);
  }

  /** Keyset JSON, the format every {@link KeySource} keeps. */
  static Secret toJson(KeysetHandle handle) {
    try {
      return Secret.of(
          TinkJsonProtoKeysetFormat.serializeKeyset(
              handle, configuration(), InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a keyset did not serialize", e);
    }
  }

  private static Configuration configuration() throws GeneralSecurityException {
    return RegistryConfiguration.get();
  }

  private static VaultException cannotGenerate(GeneralSecurityException e) {
    return new VaultException(
        "ado-connect could not generate an encryption key.",
        "Check that the Java runtime provides AES-GCM (any standard JDK 17+ does).",
        e);
  }

  /**
   * Parses keyset JSON; {@code where} names its source for the error message (never the content).
   */
  static KeysetHandle parse(Secret keysetJson, String where) {
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(
          keysetJson.reveal(), RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      // Tink's messages may quote the input, so the cause is deliberately not attached.
      throw new VaultException(
          "The encryption key in " + where + " is corrupt or not an ado-connect key.",
          "Restore the key from a backup. If it is lost, delete it, then disconnect and connect your"
              + " accounts again: credentials sealed with the old key can't be recovered.");
    }
  }

  static Aead aead(KeysetHandle handle, String where) {
    try {
      return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "The key in " + where + " is not an AEAD encryption key.",
          "Point ado-connect at the key it created, or delete it and connect your accounts again.");
    }
  }
}
