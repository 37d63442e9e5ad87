package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code apps create|list|revoke|keys}: the operator's side of a team deployment. */
class AppsCommandTest extends CliTestBase {

  @Test
  void createShowsTheKeyOnceAndListNeverShowsIt() {
    JsonNode created = cli.run("apps", "create", "orchestrator", "--json").assertOk().json();
    String key = created.path("key").asText();
    String id = created.path("application").path("id").asText();
    assertThat(key).startsWith("adc_" + created.path("keyId").asText() + "_");

    Cli.Run list = cli.run("apps", "list", "--json").assertOk();
    assertThat(list.json()).hasSize(1);
    assertThat(list.json().get(0).path("application").path("id").asText()).isEqualTo(id);
    assertThat(list.out()).doesNotContain(key.substring(17));
    Cli.Run table = cli.run("apps", "list").assertOk();
    assertThat(table.out()).contains(id, "orchestrator", "active", "1 active of 1");

    Cli.Run text = cli.run("apps", "create", "second").assertOk();
    assertThat(text.out()).contains("key:    adc_");
    assertThat(text.err()).contains("not shown again");
  }

  @Test
  void keysRotateAndRevokeWithClearErrorsForUnknownIds() {
    JsonNode created = cli.run("apps", "create", "ci", "--json").assertOk().json();
    String id = created.path("application").path("id").asText();
    String firstKey = created.path("keyId").asText();

    JsonNode second = cli.run("apps", "keys", "create", id, "--json").assertOk().json();
    assertThat(second.path("keyId").asText()).isNotEqualTo(firstKey);
    cli.run("apps", "keys", "revoke", id, firstKey).assertOk();
    JsonNode keys = cli.run("apps", "keys", "list", id, "--json").assertOk().json();
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).path("revokedAt").isNull()).isFalse();
    assertThat(keys.get(1).path("revokedAt").isNull()).isTrue();

    Cli.Run unknown = cli.run("apps", "revoke", "nosuchappxxx").assertExit(2);
    assertThat(unknown.err()).contains("No application has the id");
    cli.run("apps", "keys", "revoke", id, "nosuchkeyxxx").assertExit(2);
    cli.run("apps", "create", "ci").assertExit(2);
    Cli.Run loopback =
        cli.run("apps", "create", "hooked", "--webhook-url", "http://127.0.0.1:9/x").assertExit(2);
    assertThat(loopback.err()).contains("127.0.0.1");

    JsonNode revoked = cli.run("apps", "revoke", id, "--json").assertOk().json();
    assertThat(revoked.path("revokedAt").isNull()).isFalse();
    assertThat(cli.run("apps", "list").assertOk().out()).contains("revoked");
    cli.run("apps", "keys", "create", id).assertExit(2);
  }

  @Test
  void appsNeedsASubcommandAndHasHelp() {
    cli.run("apps").assertExit(2);
    assertThat(cli.run("apps", "keys", "--help").assertOk().out()).contains("rotate");
  }
}
