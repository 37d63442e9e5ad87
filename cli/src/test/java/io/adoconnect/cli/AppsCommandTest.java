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
  void aWebhookIsSetWithItsSigningSecretShownOnceAndItsLogListed() {
    // an internal receiver works only where the operator allow-lists it
    JsonNode created =
        cli.invocation()
            .env("ADO_CONNECT_ALLOWED_TARGETS", "127.0.0.1:9")
            .run("apps", "create", "hooked", "--webhook-url", "http://127.0.0.1:9/x", "--json")
            .assertOk()
            .json();
    String id = created.path("application").path("id").asText();
    String secret = created.path("webhookSecret").asText();
    assertThat(secret).startsWith("whsec_");
    assertThat(created.path("application").path("webhookUrl").asText())
        .isEqualTo("http://127.0.0.1:9/x");
    Cli.Run list = cli.run("apps", "list").assertOk();
    assertThat(list.out()).contains("http://127.0.0.1:9/x").doesNotContain(secret);

    Cli.Run replaced =
        cli.invocation()
            .env("ADO_CONNECT_ALLOWED_TARGETS", "127.0.0.1:9")
            .run("apps", "webhook", "set", id, "http://127.0.0.1:9/y")
            .assertOk();
    assertThat(replaced.out()).contains("webhook signing secret: whsec_").doesNotContain(secret);
    assertThat(replaced.err()).contains("not shown again");
    cli.run("apps", "webhook", "set", id, "http://127.0.0.1:9/z").assertExit(2);

    Cli.Run none = cli.run("apps", "deliveries", id).assertOk();
    assertThat(none.err()).contains("No webhook messages");
    assertThat(cli.run("apps", "deliveries", id, "--json").assertOk().json()).isEmpty();
    cli.run("apps", "deliveries", "nosuchappxxx").assertExit(2);
    assertThat(cli.run("apps", "audit", id).assertOk().err()).contains("Nothing audited");
    cli.run("apps", "audit", "nosuchappxxx").assertExit(2);

    JsonNode removed = cli.run("apps", "webhook", "remove", id, "--json").assertOk().json();
    assertThat(removed.path("webhookUrl").isNull()).isTrue();
  }

  @Test
  void appsNeedsASubcommandAndHasHelp() {
    cli.run("apps").assertExit(2);
    assertThat(cli.run("apps", "keys", "--help").assertOk().out()).contains("rotate");
  }
}
