package io.adoconnect.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What needs no keychain; the real Secret Service is exercised by {@link
 * KeychainKeySourceSecretServiceTest}.
 */
class KeychainKeySourceTest {

  @Test
  void describesTheKeychainOfEachSystemAndTheEntry() {
    assertThat(KeychainKeySource.keychainName("Linux"))
        .isEqualTo("the OS keychain (Secret Service)");
    assertThat(KeychainKeySource.keychainName("FreeBSD"))
        .isEqualTo("the OS keychain (Secret Service)");
    assertThat(KeychainKeySource.keychainName("Mac OS X")).isEqualTo("the macOS Keychain");
    assertThat(KeychainKeySource.keychainName("Windows 11"))
        .isEqualTo("the Windows Credential Manager");
    assertThat(new KeychainKeySource().describe())
        .isEqualTo(
            KeychainKeySource.keychainName(System.getProperty("os.name"))
                + ", entry ado-connect/vault-key");
    assertThat(new KeychainKeySource("other", Duration.ofSeconds(5)).describe())
        .endsWith(", entry ado-connect/other");
  }

  @Test
  void onlyUnixOtherThanMacOsNeedsASessionBus() {
    assertThat(KeychainKeySource.usesSessionBus("Linux")).isTrue();
    assertThat(KeychainKeySource.usesSessionBus("Mac OS X")).isFalse();
    assertThat(KeychainKeySource.usesSessionBus("Windows Server 2022")).isFalse();
  }

  @Test
  void constructingDoesNotTouchTheKeychain() {
    // no exception even where no keychain is reachable (as on this build machine's plain test run)
    KeychainKeySource source = new KeychainKeySource();
    assertThat(source.toString()).isEqualTo("KeychainKeySource[ado-connect/vault-key]");
    assertThat(source.account()).isEqualTo("vault-key");
  }

  @Test
  void refusesABlankAccountOrTimeout() {
    assertThatThrownBy(() -> new KeychainKeySource(" ", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeychainKeySource("a", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theUnreachableErrorCarriesTheHintAndTheCause() {
    var cause = new IllegalStateException("no bus");
    var error = KeychainKeySource.unreachable(cause);

    assertThat(error).hasMessage(KeySourcesTest.UNREACHABLE).hasCause(cause);
    assertThat(error.hint()).isEqualTo(KeySourcesTest.UNREACHABLE_HINT);
    assertThat(error.nextStep().action()).isEqualTo(io.adoconnect.NextStep.Action.CONFIGURE_KEY);
  }
}
