package io.adoconnect.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.VaultException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeySourcesTest {

  @Test
  void withoutAKeySourceTheErrorSaysHowToSetOne() {
    assertThatThrownBy(() -> KeySources.fromEnvironment(Map.of()))
        .isInstanceOf(VaultException.class)
        .hasMessage("No encryption key source is configured, so ado-connect can't store credentials.")
        .extracting(e -> ((VaultException) e).hint())
        .isEqualTo("Set ADO_CONNECT_KEY_FILE to a file path where ado-connect may keep its encryption key"
            + " (it is created with mode 0600), e.g. export ADO_CONNECT_KEY_FILE=~/.ado-connect/key."
            + " Credentials are never stored unencrypted.");
  }

  @Test
  void aBlankVariableCountsAsUnset() {
    assertThatThrownBy(() -> KeySources.fromEnvironment(Map.of("ADO_CONNECT_KEY_FILE", "  ")))
        .isInstanceOf(VaultException.class);
  }

  @Test
  void theKeyFileVariableGivesAKeyFileSource() {
    KeySource source = KeySources.fromEnvironment(Map.of("ADO_CONNECT_KEY_FILE", "/srv/ado/key"));

    assertThat(source).isInstanceOf(KeyFileSource.class);
    assertThat(source.describe()).isEqualTo("key file /srv/ado/key");
  }

  @Test
  void anUnexpandedTildeMeansHome() {
    KeySource source = KeySources.fromEnvironment(
        Map.of("ADO_CONNECT_KEY_FILE", "~/.ado-connect/key", "HOME", "/home/me"));

    assertThat(((KeyFileSource) source).path()).isEqualTo(Path.of("/home/me/.ado-connect/key"));
  }
}
