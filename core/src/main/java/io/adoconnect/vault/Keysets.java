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
