package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.hooks.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Service hooks end to end: subscribe through the API against the simulator, raise a push there,
 * and follow the delivery into the real receiver, the store and {@code GET /api/events}.
 */
class HooksTest extends ServerTestBase {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Repository repo;

  @BeforeEach
  void setUp() {
    simulator.hookRetry(3, Duration.ofMillis(5));
    Collection collection = simulator.dataset().organization("org-001").orElseThrow();
    repo =
        collection.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ((Logger) LoggerFactory.getLogger("io.adoconnect")).setLevel(Level.DEBUG);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void scanLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(logs);
    ((Logger) LoggerFactory.getLogger("io.adoconnect")).setLevel(null);
    for (ILoggingEvent event : logs.list) {
      for (String canary : canaries) {
        assertThat(event.getFormattedMessage()).doesNotContain(canary);
      }
    }
  }

  private void connect(Api api) {
    Api.Response r =
        api.post("/api/connections/pat")
            .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private JsonNode subscribe(Api api, List<String> eventTypes) {
    Api.Response r =
        api.post("/api/hooks/subscriptions")
            .json(
                Map.of(
                    "organization",
                    "org-001",
                    "project",
                    repo.project().name(),
                    "repository",
                    repo.name(),
                    "eventTypes",
                    eventTypes))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    // Every generated password is a canary: no response, event or log line may show it.
    simulator
        .hookSubscriptions()
        .forEach(s -> canaries.add(s.consumerInputs().get("basicAuthPassword")));
    return r.json();
  }

  private String passwordOf(JsonNode subscription) {
    return simulator.hookSubscriptions().stream()
        .filter(s -> s.id().toString().equals(subscription.path("remoteId").asText()))
        .map(s -> s.consumerInputs().get("basicAuthPassword"))
        .findFirst()
        .orElseThrow();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPushReachesTheReceiverIsStoredOnceTrustedAndListed() {
    serve(
        (service, api) -> {
          connect(api);
          api.post("/api/sources")
              .json(
                  Map.of(
                      "organization", "org-001",
                      "project", repo.project().name(),
                      "repository", repo.name()))
              .send();
          JsonNode made = subscribe(api, List.of("git.push"));
          assertThat(made).hasSize(1);
          assertThat(made.get(0).path("receiverUrl").asText())
              .isEqualTo(service.app.publicUrl() + "/api/hooks/" + made.get(0).path("id").asText());

          simulator.duplicateNextDelivery();
          JsonNode push =
              simulator.push("org-001", repo.project().name(), repo.name(), "hooks-test");
          String url = made.get(0).path("receiverUrl").asText();
          List<Delivery> delivered =
              simulator
                  .awaitDeliveries(
                      d ->
                          d.stream().filter(x -> x.url().equals(url) && x.succeeded()).count() == 2,
                      WAIT)
                  .stream()
                  .filter(x -> x.url().equals(url))
                  .toList();
          assertThat(delivered).extracting(Delivery::status).containsOnly(200);
          assertThat(delivered)
              .extracting(Delivery::eventId)
              .containsOnly(delivered.get(0).eventId());

          Api.Response events = api.get("/api/events").send();
          assertThat(events.status()).isEqualTo(200);
          assertThat(events.json()).hasSize(1);
          JsonNode event = events.json().get(0);
          assertThat(event.path("eventId").asText()).isEqualTo(delivered.get(0).eventId());
          assertThat(event.path("trusted").asBoolean()).as(event.toString()).isTrue();
          assertThat(event.path("payload").path("resource").path("pushId").asInt())
              .isEqualTo(push.path("pushId").asInt());

          JsonNode source = api.get("/api/sources").send().json().get(0);
          assertThat(source.path("lastChanged").asText())
              .isEqualTo(event.path("receivedAt").asText());
          assertThat(
                  api.get("/api/events?since=" + event.path("receivedAt").asText()).send().json())
              .hasSize(1);
          assertThat(api.get("/api/events?since=yesterday").send().status()).isEqualTo(400);
          assertThat(api.get("/api/hooks/subscriptions").send().json()).hasSize(1);
        });
  }

  @Test
  void theReceiverRefusesWrongCredentialsUnknownSubscriptionsAndMalformedBodies() {
    serve(
        (service, api) -> {
          connect(api);
          JsonNode subscription = subscribe(api, List.of("git.push")).get(0);
          String path = "/api/hooks/" + subscription.path("id").asText();
          String right = passwordOf(subscription);
          String event =
              "{\"id\":\"forged-1\",\"eventType\":\"git.push\",\"resource\":{\"refUpdates\":"
                  + "[{\"name\":\"refs/heads/forged\",\"oldObjectId\":\""
                  + "0".repeat(40)
                  + "\",\"newObjectId\":\""
                  + "1".repeat(40)
                  + "\"}]}}";

          for (String authorization :
              new String[] {
                basic("ado-connect", right + "x"),
                // One character changed (never to itself: a password may start with x).
                basic("ado-connect", (right.startsWith("x") ? "y" : "x") + right.substring(1)),
                basic("ado-connect", ""),
                "Bearer " + service.token.reveal()
              }) {
            Api.Response r =
                api.post(path).noToken().header("Authorization", authorization).json(event).send();
            assertThat(r.status()).as(authorization).isEqualTo(401);
            assertThat(r.code()).isEqualTo("unauthorized");
          }
          assertThat(api.post(path).noToken().json(event).send().status()).isEqualTo(401);
          assertThat(
                  api.post("/api/hooks/abcdefgh2345")
                      .noToken()
                      .header("Authorization", basic("ado-connect", right))
                      .json(event)
                      .send()
                      .status())
              .as("an unknown subscription looks like a wrong credential")
              .isEqualTo(401);
          for (String body :
              List.of(
                  "{",
                  "[]",
                  "{\"eventType\":\"git.push\"}",
                  // a push whose ref update has no new commit id: refused before it is stored
                  "{\"id\":\"p\",\"eventType\":\"git.push\",\"resource\":{\"refUpdates\":"
                      + "[{\"name\":\"refs/heads/main\"}]}}",
                  "{\"id\":\"q\",\"eventType\":\"git.push\",\"resource\":{\"refUpdates\":{}}}")) {
            assertThat(
                    api.post(path)
                        .noToken()
                        .header("Authorization", basic("ado-connect", right))
                        .json(body)
                        .send()
                        .status())
                .as(body)
                .isEqualTo(400);
          }
          assertThat(api.get("/api/events").send().json()).isEmpty();
          // a start time far from now is bad input, not a failure
          for (String far : List.of("%2B100000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z")) {
            Api.Response r = api.get("/api/events?since=" + far).send();
            assertThat(r.status()).as(far).isEqualTo(400);
            assertThat(r.code()).isEqualTo("invalid_input");
          }

          // The right credential, but a push the repository doesn't show: stored, untrusted.
          Api.Response forged =
              api.post(path)
                  .noToken()
                  .header("Authorization", basic("ado-connect", right))
                  .json(event)
                  .send();
          assertThat(forged.status()).isEqualTo(200);
          JsonNode stored = api.get("/api/events").send().json().get(0);
          assertThat(stored.path("trusted").asBoolean()).isFalse();
          assertThat(stored.path("verification").asText()).isNotBlank();
          assertThat(responses).noneMatch(r -> r.status() == 410);
        });
  }

  @Test
  void subscriptionsAreDeletedUpstreamAndHere() {
    serve(
        (service, api) -> {
          connect(api);
          JsonNode made = subscribe(api, List.of());
          assertThat(made).hasSize(4);
          assertThat(made.toString()).doesNotContain("password");
          String id = made.get(0).path("id").asText();
          assertThat(api.delete("/api/hooks/subscriptions/" + id).send().status()).isEqualTo(204);
          assertThat(api.delete("/api/hooks/subscriptions/" + id).send().status()).isEqualTo(404);
          assertThat(simulator.hookSubscriptions())
              .noneMatch(s -> s.id().toString().equals(made.get(0).path("remoteId").asText()));
          assertThat(api.get("/api/hooks/subscriptions").send().json()).hasSize(3);
          // A delivery for the deleted subscription is a 401 like any unknown one, never a 410.
          assertThat(
                  api.post("/api/hooks/" + id)
                      .noToken()
                      .json("{\"id\":\"e\",\"eventType\":\"git.push\"}")
                      .send()
                      .status())
              .isEqualTo(401);
          Api.Response bad =
              api.post("/api/hooks/subscriptions")
                  .json(
                      Map.of(
                          "organization", "org-001",
                          "project", repo.project().name(),
                          "eventTypes", List.of("git.nothing")))
                  .send();
          assertThat(bad.status()).isEqualTo(400);
        });
  }

  @Test
  void aSubscriptionCanNameItsAccount() {
    serve(
        (service, api) -> {
          connect(api);
          String account = api.get("/api/accounts").send().json().get(0).path("id").asText();
          Map<String, Object> body =
              Map.of(
                  "organization", "org-001",
                  "project", repo.project().name(),
                  "eventTypes", List.of("build.complete"));

          int before = simulator.hookSubscriptions().size();
          Api.Response unknown =
              api.post("/api/hooks/subscriptions?account=nope").json(body).send();
          assertThat(unknown.status()).isEqualTo(404);
          assertThat(unknown.json().path("code").asText()).isEqualTo("not_found_locally");
          assertThat(simulator.hookSubscriptions()).hasSize(before);

          Api.Response made =
              api.post("/api/hooks/subscriptions?account=" + account).json(body).send();
          assertThat(made.status()).as(made.toString()).isEqualTo(201);
          assertThat(made.json().get(0).path("accountId").asText()).isEqualTo(account);
          simulator
              .hookSubscriptions()
              .forEach(s -> canaries.add(s.consumerInputs().get("basicAuthPassword")));
        });
  }
}
