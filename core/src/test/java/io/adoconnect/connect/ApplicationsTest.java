package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import io.adoconnect.LocalNotFoundException;
import io.adoconnect.auth.Secret;
import io.adoconnect.net.AddressPolicy;
import io.adoconnect.net.AllowedTargets;
import io.adoconnect.net.Resolver;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applications and their API keys: shown once, stored as a hash, rotated, revoked. */
class ApplicationsTest {
  @TempDir Path tmp;
  private MutableClock clock;
  private Applications apps;

  @BeforeEach
  void open() {
    clock = new MutableClock();
    Resolver resolver = host -> List.of(InetAddress.getByName(host));
    apps =
        Applications.open(
            tmp,
            () -> new io.adoconnect.vault.KeyFileSource(tmp.resolve("key")),
            new AddressPolicy(AllowedTargets.parse("127.0.0.1:9999", "test"), resolver),
            clock);
  }

  @Test
  void aNewKeyAuthenticatesItsApplicationAndOnlyItsHashIsStored() throws Exception {
    Applications.NewKey created = apps.create("orchestrator", Optional.empty());

    assertThat(created.key().reveal()).startsWith("adc_" + created.keyId() + "_").hasSize(60);
    assertThat(apps.authenticate(created.key()))
        .map(a -> a.id())
        .contains(created.application().id());
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("ado-connect.db"));
        var rs = db.createStatement().executeQuery("SELECT key_hash FROM api_keys")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(ApiKey.hash(created.key())).hasSize(64);
    }
    assertThat(
            Files.readString(
                tmp.resolve("ado-connect.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(created.key().reveal().substring(17));
  }

  @Test
  void wrongMalformedAndForeignKeysAuthenticateNothing() {
    Applications.NewKey a = apps.create("a", Optional.empty());
    String key = a.key().reveal();
    String lastCharChanged = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");

    assertThat(apps.authenticate(Secret.of(lastCharChanged))).isEmpty();
    assertThat(apps.authenticate(Secret.of("adc_" + a.keyId()))).isEmpty();
    assertThat(apps.authenticate(Secret.of("x"))).isEmpty();
    assertThat(apps.authenticate(null)).isEmpty();
    // another key id with this key's secret: the hash covers the whole key
    Applications.NewKey b = apps.create("b", Optional.empty());
    String swapped = key.replace(a.keyId(), b.keyId());
    assertThat(apps.authenticate(Secret.of(swapped))).isEmpty();
  }

  @Test
  void keysRotateAndRevokedKeysOrApplicationsStopWorking() {
    Applications.NewKey first = apps.create("ci", Optional.empty());
    String id = first.application().id();
    Applications.NewKey second = apps.createKey(id);

    assertThat(apps.authenticate(second.key())).isPresent();
    apps.revokeKey(id, first.keyId());
    assertThat(apps.authenticate(first.key())).isEmpty();
    assertThat(apps.authenticate(second.key())).isPresent();
    assertThat(apps.get(id).keys()).extracting(k -> k.revoked()).containsExactly(true, false);

    assertThat(apps.revoke(id).revoked()).isTrue();
    assertThat(apps.authenticate(second.key())).isEmpty();
    assertThatThrownBy(() -> apps.createKey(id))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("revoked");
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    apps.create("taken", Optional.empty());

    assertThatThrownBy(() -> apps.create("taken", Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("exists already");
    assertThatThrownBy(() -> apps.create(" ", Optional.empty()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> apps.create("x", Optional.of("http://127.0.0.1:8080/hooks")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("127.0.0.1");
    assertThatThrownBy(() -> apps.create("y", Optional.of("http://169.254.169.254/latest")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> apps.revoke("nosuchappxxx"))
        .isInstanceOf(LocalNotFoundException.class);
    assertThatThrownBy(() -> apps.revokeKey(apps.list().get(0).application().id(), "nosuchkeyxxx"))
        .isInstanceOf(LocalNotFoundException.class);
    assertThat(apps.list()).hasSize(1);

    // the deployment's allow-list is the one way to an internal address
    assertThat(
            apps.create("z", Optional.of("http://127.0.0.1:9999/hooks")).application().webhookUrl())
        .isEqualTo("http://127.0.0.1:9999/hooks");
  }
}
