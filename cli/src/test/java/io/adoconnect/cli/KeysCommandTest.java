package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** {@code keys status|rotate}: the operator's view of the master key, and its rotation. */
class KeysCommandTest extends CliTestBase {

  @Test
  void aRotationGivesANewMasterKeyAndTheConnectionKeepsWorking() throws Exception {
    String account = cli.connectedAccount("--org", "org-001");
    JsonNode before = cli.run("keys", "status", "--json").assertOk().json();
    long oldKey = before.path("primary").asLong();
    assertThat(before.path("masterKeys")).hasSize(1);
    assertThat(before.path("dataKeysByMasterKey").path(Long.toString(oldKey)).asInt())
        .as("the local owner's data key")
        .isEqualTo(1);
    assertThat(before.path("rotationUnfinished").asBoolean()).isFalse();

    Cli.Run rotated = cli.run("keys", "rotate").assertOk();
    assertThat(rotated.out()).contains("Rotated the master key: new key", "removed key " + oldKey);
    assertThat(rotated.err()).contains("keys rotate: re-sealing data keys: 2 of 4");

    JsonNode after = cli.run("keys", "status", "--json").assertOk().json();
    long newKey = after.path("primary").asLong();
    assertThat(newKey).isNotEqualTo(oldKey);
    assertThat(after.path("masterKeys")).hasSize(1);
    assertThat(after.path("dataKeysByMasterKey").path(Long.toString(newKey)).asInt()).isEqualTo(1);
    assertThat(Files.readString(cli.keyFile)).doesNotContain(Long.toString(oldKey));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.keyFile)))
        .isEqualTo("rw-------");
    cli.run("test", account).assertOk();

    Cli.Run table = cli.run("keys", "status").assertOk();
    assertThat(table.out())
        .contains("Master keys: " + newKey + " (primary: " + newKey + ")")
        .contains("Rotation:    none unfinished");
    JsonNode again = cli.run("keys", "rotate", "--json").assertOk().json();
    assertThat(again.path("retiredKeyIds").get(0).asLong()).isEqualTo(newKey);
    assertThat(again.path("dataKeysResealed").asInt()).isEqualTo(1);
  }

  @Test
  void withoutAReachableKeySourceTheRotationSaysWhatToDoAndChangesNothing() {
    Cli.Run failed =
        cli.invocation()
            .env("ADO_CONNECT_KEY_FILE", null)
            .env("DBUS_SESSION_BUS_ADDRESS", null)
            .run("keys", "rotate");
    failed.assertExit(3);
    assertThat(failed.err()).contains("keychain").contains("ADO_CONNECT_KEY_FILE");
    assertThat(cli.keyFile).doesNotExist();
  }

  @Test
  void helpExplainsTheRotation() {
    Cli.Run help = cli.run("keys", "rotate", "--help").assertOk();
    assertThat(help.out()).contains("Safe to interrupt", "--json", "--data-dir");
    cli.run("keys").assertExit(2);
  }
}
