package io.adoconnect.vault;

import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A separate JVM for {@link KeychainKeySourceSecretServiceTest}: a fresh process as the CLI would
 * be, and one whose environment (no session bus, a locked keyring) the test chooses. Prints {@code
 * PROBE ...} lines and ends with {@code System.exit}, as dbus-java leaves a non-daemon thread.
 *
 * <p>{@code load ACCOUNT TIMEOUT_SECONDS} prints the keyset's SHA-256; {@code unseal ACCOUNT
 * TIMEOUT_SECONDS BASE64 ACCOUNT_ID} opens a ciphertext sealed by the test with the key of that
 * keychain entry.
 */
final class KeychainProbe {
  private KeychainProbe() {}

  public static void main(String[] args) throws Exception {
    KeychainKeySource source =
        new KeychainKeySource(args[1], Duration.ofSeconds(Long.parseLong(args[2])));
    long start = System.nanoTime();
    try {
      if (args[0].equals("load")) {
        Secret keyset = source.loadOrCreateKeyset();
        System.out.println("PROBE ok " + sha256(keyset));
      } else {
        Vault vault = Vault.open(source);
        Secret plain = vault.unseal(Base64.getDecoder().decode(args[3]), args[4]);
        System.out.println("PROBE unsealed " + plain.reveal());
      }
    } catch (VaultException e) {
      System.out.println("PROBE message " + e.getMessage());
      System.out.println("PROBE hint " + e.hint());
      System.out.println(
          "PROBE cause " + (e.getCause() == null ? "none" : e.getCause().getClass().getName()));
    }
    System.out.println("PROBE millis " + (System.nanoTime() - start) / 1_000_000);
    System.out.flush();
    System.exit(0);
  }

  static String sha256(Secret keyset) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256")
                .digest(keyset.reveal().getBytes(StandardCharsets.UTF_8)));
  }
}
