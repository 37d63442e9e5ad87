package io.adoconnect.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.VaultException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeySourcesTest {
  static final String UNREACHABLE =
      "ado-connect could not reach the operating system keychain to keep its" + " encryption key.";
  static final String UNREACHABLE_HINT =
      "Make sure your keychain is unlocked and available, then try again."
          + " On Linux, run a Secret Service provider such as GNOME Keyring (in a desktop session, or with"
          + " gnome-keyring-daemon in a D-Bus session). On a headless server, set ADO_CONNECT_KEY_FILE to a key"
          + " file path instead.";

  @Test
  void onLinuxWithoutASessionBusTheErrorSaysHowToGetAKey() {
    long start = System.nanoTime();

    assertThatThrownBy(() -> KeySources.fromEnvironment(Map.of("HOME", "/home/me"), "Linux"))
        .isInstanceOf(VaultException.class)
        .hasMessage(UNREACHABLE)
        .hasCauseInstanceOf(IllegalStateException.class)
        .extracting(e -> ((VaultException) e).hint())
        .isEqualTo(UNREACHABLE_HINT);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("fails without trying")
        .isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void theDefaultEnvironmentOverloadAlsoFailsFastWithoutABus() {
    if (!KeychainKeySource.usesSessionBus(System.getProperty("os.name"))) {
      return; // macOS and Windows need no session bus
    }
    assertThatThrownBy(() -> KeySources.fromEnvironment(Map.of()))
        .isInstanceOf(VaultException.class)
        .hasMessage(UNREACHABLE);
  }

  @Test
  void aBlankBusAddressCountsAsUnset() {
    assertThatThrownBy(
            () -> KeySources.fromEnvironment(Map.of("DBUS_SESSION_BUS_ADDRESS", " "), "Linux"))
        .isInstanceOf(VaultException.class)
        .hasMessage(UNREACHABLE);
  }

  @Test
  void withASessionBusTheKeychainIsTheDefaultAndIsNotTouchedYet() {
    KeySource source =
        KeySources.fromEnvironment(
            Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus"), "Linux");

    assertThat(source).isInstanceOf(KeychainKeySource.class);
    assertThat(((KeychainKeySource) source).account()).isEqualTo("vault-key");
    assertThat(source.describe()).startsWith("the OS keychain");
  }

  @Test
  void macOsAndWindowsNeedNoSessionBus() {
    assertThat(KeySources.fromEnvironment(Map.of(), "Mac OS X"))
        .isInstanceOf(KeychainKeySource.class);
    assertThat(KeySources.fromEnvironment(Map.of(), "Windows 11"))
        .isInstanceOf(KeychainKeySource.class);
  }

  @Test
  void theKeyFileWinsOverTheKeychain() {
    assertThat(KeySources.fromEnvironment(Map.of("ADO_CONNECT_KEY_FILE", "/srv/ado/key"), "Linux"))
        .isInstanceOf(KeyFileSource.class);
    assertThat(
            KeySources.fromEnvironment(
                Map.of(
                    "ADO_CONNECT_KEY_FILE",
                    "/srv/ado/key",
                    "DBUS_SESSION_BUS_ADDRESS",
                    "unix:path=/run/user/1000/bus"),
                "Linux"))
        .isInstanceOf(KeyFileSource.class);
    assertThat(
            KeySources.fromEnvironment(Map.of("ADO_CONNECT_KEY_FILE", "/srv/ado/key"), "Mac OS X"))
        .isInstanceOf(KeyFileSource.class);
  }

  @Test
  void aBlankKeyFileVariableCountsAsUnset() {
    assertThatThrownBy(
            () -> KeySources.fromEnvironment(Map.of("ADO_CONNECT_KEY_FILE", "  "), "Linux"))
        .isInstanceOf(VaultException.class)
        .hasMessage(UNREACHABLE);
    assertThat(KeySources.fromEnvironment(Map.of("ADO_CONNECT_KEY_FILE", "  "), "Windows 10"))
        .isInstanceOf(KeychainKeySource.class);
  }

  @Test
  void theKeyFileVariableGivesAKeyFileSource() {
    KeySource source = KeySources.fromEnvironment(Map.of("ADO_CONNECT_KEY_FILE", "/srv/ado/key"));

    assertThat(source).isInstanceOf(KeyFileSource.class);
    assertThat(source.describe()).isEqualTo("key file /srv/ado/key");
  }

  @Test
  void anUnexpandedTildeMeansHome() {
    KeySource source =
        KeySources.fromEnvironment(
            Map.of("ADO_CONNECT_KEY_FILE", "~/.ado-connect/key", "HOME", "/home/me"));

    assertThat(((KeyFileSource) source).path()).isEqualTo(Path.of("/home/me/.ado-connect/key"));
  }
}
