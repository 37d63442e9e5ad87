package io.adoconnect.vault;

import io.adoconnect.VaultException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Picks the {@link KeySource} from the environment. Today that is {@code ADO_CONNECT_KEY_FILE}; the
 * OS keychain becomes the default in a later release. With no source the answer is an error that
 * says how to configure one — never a plaintext fallback.
 */
public final class KeySources {
  public static final String KEY_FILE_VARIABLE = "ADO_CONNECT_KEY_FILE";

  private KeySources() {}

  /**
   * @param env the process environment ({@code System.getenv()}), passed in so tests can fake it
   * @throws VaultException if no key source is configured
   */
  public static KeySource fromEnvironment(Map<String, String> env) {
    String keyFile = env.get(KEY_FILE_VARIABLE);
    if (keyFile != null && !keyFile.isBlank()) {
      return new KeyFileSource(expandHome(keyFile.strip(), env));
    }
    throw new VaultException("No encryption key source is configured, so ado-connect can't store credentials.",
        "Set ADO_CONNECT_KEY_FILE to a file path where ado-connect may keep its encryption key (it is"
            + " created with mode 0600), e.g. export ADO_CONNECT_KEY_FILE=~/.ado-connect/key."
            + " Credentials are never stored unencrypted.");
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
