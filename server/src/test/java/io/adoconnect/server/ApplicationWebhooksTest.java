package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.adoconnect.connect.Applications;
import io.adoconnect.net.AddressPolicy;
import io.adoconnect.net.AllowedTargets;
import io.adoconnect.net.Resolver;
import io.adoconnect.server.TeamFixture.Caller;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A team deployment tells each application what happens to its end users' connections and sources
 * through its webhook: signed (Standard Webhooks), from the outbox, by the service's own delivery
 * loop, verified here with Standard Webhooks' own library; and keeps an audit log of every
 * state-changing call per application.
 */
class ApplicationWebhooksTest extends ServerTestBase {
  private final List<Map.Entry<String, HttpHeaders>> received = new CopyOnWriteArrayList<>();
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/events",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              Map.entry(body, HttpHeaders.of(exchange.getRequestHeaders(), (a, b) -> true)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private String receiverAddress() {
    return "127.0.0.1:" + receiver.getAddress().getPort();
  }

  /** The deployment allow-lists its internal receiver, as an operator would. */
  private Service team() {
    Map<String, String> env = new HashMap<>(env());
    env.put(AddressPolicy.SETTING, receiverAddress());
    return new Service(env, Optional.empty(), c -> c.withTeam(TeamFixture.teamMode(false)));
  }

  /** The messages received so far whose body matches, waiting up to 30 s for the first. */
  private List<JsonNode> awaitMessages(Predicate<JsonNode> wanted) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      List<JsonNode> matching = new ArrayList<>();
      for (Map.Entry<String, HttpHeaders> message : received) {
        JsonNode body = Api.JSON.readTree(message.getKey());
        if (wanted.test(body)) {
          matching.add(body);
        }
      }
      if (!matching.isEmpty() || Instant.now().isAfter(deadline)) {
        return matching;
      }
      Thread.sleep(100); // polling for a condition, with a deadline
    }
  }

  @Test
  void connectionsAndSourcesOfEndUsersReachTheirApplicationSigned() throws Exception {
    try (Service service = team()) {
      AddressPolicy policy =
          new AddressPolicy(
              AllowedTargets.parse(receiverAddress(), AddressPolicy.SETTING), Resolver.SYSTEM);
      Applications.NewKey app =
          service
              .ado
              .applications(policy)
              .create("orchestrator", Optional.of("http://" + receiverAddress() + "/events"));
      canaries.add(app.key().reveal());
      canaries.add(app.webhookSecret().reveal());
      Caller alice = new Caller(app.application().id(), app.key().reveal(), "alice");
      Caller other = TeamFixture.application(service, "no-webhook", "bob");
      serve(
          service,
          (s, api) -> {
            Api.Response connected =
                alice
                    .on(api.post("/api/connections/pat"))
                    .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
                    .send();
            assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
            String accountId = connected.json().path("id").asText();
            assertThat(
                    other
                        .on(api.post("/api/connections/pat"))
                        .json(Map.of("organizations", List.of("org-002"), "pat", CANARY_PAT))
                        .send()
                        .status())
                .isEqualTo(201);

            List<JsonNode> created =
                awaitMessages(m -> m.path("type").asText().equals("connection.created"));
            assertThat(created).hasSize(1);
            assertThat(created.get(0).path("data").path("endUser").asText()).isEqualTo("alice");
            assertThat(created.get(0).path("data").path("account").path("id").asText())
                .isEqualTo(accountId);

            JsonNode repo =
                alice.on(api.get("/api/repositories")).send().lines().stream()
                    .filter(l -> l.path("type").asText().equals("repository"))
                    .findFirst()
                    .orElseThrow();
            Api.Response added =
                alice
                    .on(api.post("/api/sources"))
                    .json(
                        Map.of(
                            "organization", repo.path("organization").asText(),
                            "project", repo.path("project").asText(),
                            "repository", repo.path("name").asText()))
                    .send();
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(alice.on(api.delete("/api/accounts/" + accountId)).send().status())
                .isEqualTo(204);
            assertThat(awaitMessages(m -> m.path("type").asText().equals("connection.deleted")))
                .hasSize(1);
            List<JsonNode> sources =
                awaitMessages(m -> m.path("type").asText().equals("source.added"));
            assertThat(sources.get(0).path("data").path("source").path("repository").asText())
                .isEqualTo(repo.path("name").asText());

            // every delivery verifies with the secret shown at creation; bob's app has no webhook
            Webhook verifier = new Webhook(app.webhookSecret().reveal());
            for (Map.Entry<String, HttpHeaders> message : received) {
              verifier.verify(message.getKey(), message.getValue());
              assertThat(message.getKey()).doesNotContain("bob").doesNotContain(CANARY_PAT);
            }
            assertThat(received).hasSize(3);
            assertThat(
                    service.ado.applications().deliveries(app.application().id(), 10).stream()
                        .map(m -> m.state()))
                .containsOnly("delivered");

            // the audit log: every state-changing call, for whom, how, and what it answered
            assertThat(alice.on(api.delete("/api/sources/nosuchsource")).send().status())
                .isEqualTo(404);
            assertThat(alice.on(api.get("/api/accounts")).send().status()).isEqualTo(200);
            List<String> audited =
                service.ado.applications().audit(app.application().id(), 10).stream()
                    .map(e -> e.endUser() + " " + e.via() + " " + e.action() + " " + e.status())
                    .toList();
            assertThat(audited)
                .containsExactly(
                    "alice api_key DELETE /api/sources/{id} 404",
                    "alice api_key DELETE /api/accounts/{id} 204",
                    "alice api_key POST /api/sources 201",
                    "alice api_key POST /api/connections/pat 201");
            assertThat(service.ado.applications().audit(other.application(), 10))
                .extracting(e -> e.endUser() + " " + e.action())
                .containsExactly("bob POST /api/connections/pat");
          });
    }
  }
}
