package io.adoconnect.vault;

import java.nio.file.Path;
import java.util.Map;

/**
 * Picks the {@link KeySource} from the environment: {@code ADO_CONNECT_KEY_FILE} when it is set
 * (for headless servers and CI), otherwise the OS keychain ({@link KeychainKeySource}), the
 * default. When neither is usable the answer is an error that says how to get one — never a
 * plaintext fallback.
 */
public final class KeySources {
  public static final String KEY_FILE_VARIABLE = "ADO_CONNECT_KEY_FILE";

  /** Where a D-Bus session (and so the Secret Service) is announced on Linux. */
  static final String SESSION_BUS_VARIABLE = "DBUS_SESSION_BUS_ADDRESS";

  private KeySources() {}

  /**
   * Returns the key file source when {@code ADO_CONNECT_KEY_FILE} is set, else the OS keychain. The
   * keychain is only contacted when the key is first needed ({@link
   * KeySource#loadOrCreateKeyset()}), except that on Linux an environment without {@code
   * DBUS_SESSION_BUS_ADDRESS} fails here at once: without a session bus there is no Secret Service
   * to ask.
   *
   * @param env the process environment ({@code System.getenv()}), passed in so tests can fake it
   * @throws io.adoconnect.VaultException if no key file is set and the keychain is certainly
   *     unreachable
   */
  public static KeySource fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, System.getProperty("os.name", ""));
  }

  static KeySource fromEnvironment(Map<String, String> env, String osName) {
    String keyFile = env.get(KEY_FILE_VARIABLE);
    if (keyFile != null && !keyFile.isBlank()) {
      return new KeyFileSource(expandHome(keyFile.strip(), env));
    }
    String bus = env.get(SESSION_BUS_VARIABLE);
    if (KeychainKeySource.usesSessionBus(osName) && (bus == null || bus.isBlank())) {
      throw KeychainKeySource.unreachable(
          new IllegalStateException(
              SESSION_BUS_VARIABLE
                  + " is not set: there is no D-Bus session, so no Secret Service to keep the key."));
    }
    return new KeychainKeySource();
  }

  /** A quoted {@code "~/key"} reaches us unexpanded; treat it as the shell would. */
  private static Path expandHome(String value, Map<String, String> env) {
    if (value.equals("~") || value.startsWith("~/")) {
      String home = env.getOrDefault("HOME", System.getProperty("user.home"));
      return Path.of(home + value.substring(1));
    }
    return Path.of(value);
  }
}
