package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.server.ServerApp;
import io.adoconnect.server.ServerConfig;
import io.adoconnect.server.access.ApiToken;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.hooks.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code hooks subscribe|list|delete}, {@code events} (also {@code --follow}) and {@code sources
 * add --subscribe}, with {@code ado-connect serve}'s app receiving the simulator's deliveries on
 * the same data dir.
 */
class HooksCommandsTest extends CliTestBase {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private AdoConnect serviceAdo;
  private ServerApp service;
  private String path;
  private Repository repo;

  @BeforeEach
  void serve() {
    simulator.hookRetry(3, Duration.ofMillis(5));
    Collection collection = simulator.dataset().organization("org-001").orElseThrow();
    repo =
        collection.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    path = "org-001/" + repo.project().name() + "/" + repo.name();
    cli.connectedAccount("--org", "org-001");
    String base = simulator.baseUri().toString();
    serviceAdo =
        AdoConnect.open(
            ConnectSettings.fromEnvironment(
                cli.dataDir,
                Map.of(
                    "ADO_CONNECT_DEVOPS_URL", base,
                    "ADO_CONNECT_VSSPS_URL", base,
                    "ADO_CONNECT_LOGIN_URL", base,
                    "ADO_CONNECT_KEY_FILE", cli.keyFile.toString())));
    service =
        ServerApp.create(ServerConfig.local(ApiToken.loadOrCreate(cli.dataDir)), serviceAdo)
            .start();
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    ((Logger) LoggerFactory.getLogger("io.adoconnect")).setLevel(Level.DEBUG);
  }

  @AfterEach
  void stop() {
    service.stop();
    serviceAdo.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    ((Logger) LoggerFactory.getLogger("io.adoconnect")).setLevel((Level) null);
    // Canary scan: no generated password in any output or log line.
    List<String> passwords = new ArrayList<>();
    simulator
        .hookSubscriptions()
        .forEach(s -> passwords.add(s.consumerInputs().get("basicAuthPassword")));
    for (String password : passwords) {
      for (Cli.Run run : cli.runs()) {
        assertThat(run.out() + run.err()).doesNotContain(password);
      }
      for (ILoggingEvent event : logs.list) {
        assertThat(event.getFormattedMessage()).doesNotContain(password);
      }
    }
  }

  private String receiver() {
    return service.baseUri().toString();
  }

  @Test
  void subscribeListAndDelete() {
    JsonNode made =
        cli.run(
                "hooks",
                "subscribe",
                path,
                "--event",
                "git.push",
                "--event",
                "build.complete",
                "--receiver-url",
                receiver(),
                "--json")
            .assertOk()
            .json();
    assertThat(made).hasSize(2);
    assertThat(cli.runs().get(cli.runs().size() - 1).err())
        .as("a loopback receiver is fine for a local test")
        .doesNotContain("plain HTTP");
    assertThat(made.get(0).path("eventType").asText()).isEqualTo("git.push");
    assertThat(made.get(0).path("receiverUrl").asText()).startsWith(receiver() + "/api/hooks/");

    Cli.Run table = cli.run("hooks", "list").assertOk();
    assertThat(table.out()).contains("EVENT", "git.push", "build.complete", path);
    assertThat(cli.run("hooks", "list", "--json").assertOk().json()).hasSize(2);

    String id = made.get(0).path("id").asText();
    assertThat(cli.run("hooks", "delete", id).assertOk().out())
        .contains("Deleted subscription " + id);
    assertThat(cli.run("hooks", "list", "--json").assertOk().json()).hasSize(1);
    assertThat(cli.run("hooks", "delete", id).assertExit(2).err()).contains("hint:");
  }

  @Test
  void subscribeTakesTheAccount() {
    int before = simulator.hookSubscriptions().size();
    Cli.Run unknown =
        cli.run("hooks", "subscribe", path, "--account", "nope", "--receiver-url", receiver());
    unknown.assertExit(2);
    assertThat(unknown.err()).contains("'nope'").contains("ado-connect accounts");
    assertThat(simulator.hookSubscriptions()).hasSize(before);
  }

  @Test
  void withoutAReceiverUrlTheErrorSaysToStartServe() {
    Cli.Run run =
        cli.invocation().env("ADO_CONNECT_PUBLIC_URL", null).run("hooks", "subscribe", path);
    run.assertExit(2);
    assertThat(run.err()).contains("ado-connect serve").contains("--receiver-url");
    assertThat(
            cli.run(
                    "hooks",
                    "subscribe",
                    path,
                    "--event",
                    "git.nothing",
                    "--receiver-url",
                    receiver())
                .assertExit(2)
                .err())
        .contains("git.push");
  }

  @Test
  void eventsListsWhatWasDeliveredAndFollowPrintsNewOnes() throws Exception {
    cli.invocation()
        .env("ADO_CONNECT_PUBLIC_URL", receiver())
        .run("sources", "add", path, "--subscribe", "--json")
        .assertOk();
    assertThat(cli.run("hooks", "list", "--json").json()).hasSize(4);
    assertThat(cli.run("events").assertOk().err()).contains("No events yet");

    CompletableFuture<Cli.Run> following =
        CompletableFuture.supplyAsync(
            () -> cli.run("events", "--follow", "--count", "1", "--json"));
    simulator.push("org-001", repo.project().name(), repo.name(), "cli-follow");
    Cli.Run followed = following.get(WAIT.toSeconds(), TimeUnit.SECONDS).assertOk();
    String[] lines = followed.out().strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode event = Cli.JSON.readTree(lines[0]);
    assertThat(event.path("eventType").asText()).isEqualTo("git.push");
    assertThat(event.path("trusted").asBoolean()).isTrue();

    simulator.awaitDeliveries(d -> d.stream().anyMatch(Delivery::succeeded), WAIT);
    Cli.Run table = cli.run("events").assertOk();
    assertThat(table.out()).contains("git.push", path, "trusted").doesNotContain("UNTRUSTED");
    JsonNode listed =
        cli.run("events", "--since", "2000-01-01T00:00:00Z", "--json").assertOk().json();
    assertThat(listed.isArray())
        .as("a listing is an array, like every other --json listing")
        .isTrue();
    assertThat(listed.get(0).path("eventId").asText()).isEqualTo(event.path("eventId").asText());
    assertThat(cli.run("events", "--since", "yesterday").assertExit(2).err()).contains("ISO-8601");
    assertThat(cli.run("sources", "list").assertOk().out()).contains("LAST CHANGED");
    JsonNode source = cli.run("sources", "list", "--json").assertOk().json().get(0);
    assertThat(source.path("lastChanged").asText()).isNotBlank();
  }

  @Test
  void aPlainHttpReceiverBeyondThisMachineIsWarnedAbout() {
    assertThat(HooksCommand.plainHttpBeyondThisMachine("http://ado.example.com")).isTrue();
    assertThat(HooksCommand.plainHttpBeyondThisMachine("http://10.1.2.3:8080")).isTrue();
    assertThat(HooksCommand.plainHttpBeyondThisMachine("https://ado.example.com")).isFalse();
    assertThat(HooksCommand.plainHttpBeyondThisMachine("http://127.0.0.1:8080")).isFalse();
    assertThat(HooksCommand.plainHttpBeyondThisMachine("http://localhost:8080")).isFalse();
    Cli.Run run =
        cli.run(
            "hooks",
            "subscribe",
            path,
            "--event",
            "git.push",
            "--receiver-url",
            "http://ado.example.com",
            "--json");
    assertThat(run.err()).contains("warning: http://ado.example.com is plain HTTP");
  }
}
