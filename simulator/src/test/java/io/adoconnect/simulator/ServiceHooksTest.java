package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.hooks.Delivery;
import io.adoconnect.simulator.http.PathCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions (create, list, get, delete, validation, masking) and their deliveries. */
class ServiceHooksTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PASSWORD = "fake-hook-password-0123456789";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private Simulator simulator;
  private TestClient client;
  private Receiver receiver;
  private Repository repo;
  private Collection org;

  @BeforeEach
  void start() throws IOException {
    simulator = Simulator.start(SimulatorConfig.defaults());
    simulator.hookRetry(3, Duration.ofMillis(5));
    client = new TestClient(simulator);
    receiver = new Receiver();
    org = simulator.dataset().organization("org-001").orElseThrow();
    repo =
        org.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
  }

  @AfterEach
  void stop() {
    simulator.close();
    receiver.server.stop(0);
  }

  private ObjectNode subscriptionBody(String eventType, String url) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("publisherId", "tfs");
    body.put("eventType", eventType);
    body.put("resourceVersion", "1.0");
    body.put("consumerId", "webHooks");
    body.put("consumerActionId", "httpRequest");
    ObjectNode publisher = body.putObject("publisherInputs");
    publisher.put("projectId", repo.project().id().toString());
    publisher.put("repository", repo.id().toString());
    ObjectNode consumer = body.putObject("consumerInputs");
    consumer.put("url", url);
    consumer.put("basicAuthUsername", "ado-connect");
    consumer.put("basicAuthPassword", PASSWORD);
    return body;
  }

  private HttpResponse<String> create(String collectionPath, ObjectNode body) {
    return TestClient.send(
        client
            .request(collectionPath + "/_apis/hooks/subscriptions?api-version=7.1")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  private String push() {
    JsonNode resource = simulator.push("org-001", repo.project().name(), repo.name(), "main-line");
    return resource.path("refUpdates").path(0).path("newObjectId").asText();
  }

  @Test
  void aSubscriptionIsCreatedListedReadAndDeletedWithThePasswordMasked() {
    HttpResponse<String> created = create("/org-001", subscriptionBody("git.push", receiver.url()));
    assertThat(created.statusCode()).isEqualTo(200);
    JsonNode subscription = TestClient.json(created);
    String id = subscription.path("id").asText();
    assertThat(subscription.path("status").asText()).isEqualTo("enabled");
    assertThat(subscription.path("publisherInputs").path("tfsSubscriptionId").asText())
        .isNotEmpty();

    HttpResponse<String> list = client.get("/org-001/_apis/hooks/subscriptions?api-version=7.1");
    HttpResponse<String> get =
        client.get("/org-001/_apis/hooks/subscriptions/" + id + "?api-version=7.1");
    assertThat(TestClient.json(list).path("count").asInt()).isEqualTo(1);
    assertThat(TestClient.json(get).path("consumerInputs").path("basicAuthPassword").asText())
        .isEqualTo("********");
    for (HttpResponse<String> response : List.of(created, list, get)) {
      assertThat(response.body()).doesNotContain(PASSWORD);
    }
    assertThat(
            client
                .get("/org-001/_apis/hooks/subscriptions?eventType=build.complete&api-version=7.1")
                .body())
        .contains("\"count\":0");
    // Another organization does not see it.
    assertThat(
            client
                .get("/org-002/_apis/hooks/subscriptions/" + id + "?api-version=7.1")
                .statusCode())
        .isEqualTo(404);

    HttpResponse<String> deleted =
        TestClient.send(
            client
                .request("/org-001/_apis/hooks/subscriptions/" + id + "?api-version=7.1")
                .DELETE()
                .build());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(
            client
                .get("/org-001/_apis/hooks/subscriptions/" + id + "?api-version=7.1")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void unknownEventTypesAndNonHttpUrlsAreRefused() {
    HttpResponse<String> unknown =
        create("/org-001", subscriptionBody("git.nothing", receiver.url()));
    HttpResponse<String> ftp =
        create("/org-001", subscriptionBody("git.push", "ftp://example.com/x"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(TestClient.json(unknown).path("message").asText()).contains("git.nothing");
    assertThat(ftp.statusCode()).isEqualTo(400);
    assertThat(simulator.hookSubscriptions()).isEmpty();
  }

  @Test
  void theServerCollectionAcceptsSubscriptionsAt60() {
    Collection server = simulator.dataset().serverCollection();
    repo =
        server.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    HttpResponse<String> created =
        TestClient.send(
            client
                .request("/tfs/DefaultCollection/_apis/hooks/subscriptions?api-version=6.0")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        subscriptionBody("git.push", receiver.url()).toString()))
                .build());
    assertThat(created.statusCode()).isEqualTo(200);
    simulator.push(server.name(), repo.project().name(), repo.name(), "main");
    simulator.awaitDeliveries(d -> d.stream().anyMatch(Delivery::succeeded), WAIT);
    assertThat(
            receiver
                .bodies
                .peek()
                .path("resourceContainers")
                .path("collection")
                .path("id")
                .asText())
        .isEqualTo(server.instanceId().toString());
  }

  @Test
  void aPushIsDeliveredWithBasicAuthAndTheEventShape() {
    create("/org-001", subscriptionBody("git.push", receiver.url()));
    String newCommit = push();

    simulator.awaitDeliveries(d -> d.stream().anyMatch(Delivery::succeeded), WAIT);
    assertThat(receiver.authorizations)
        .containsOnly(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(("ado-connect:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    JsonNode event = receiver.bodies.peek();
    assertThat(event.path("eventType").asText()).isEqualTo("git.push");
    assertThat(event.path("publisherId").asText()).isEqualTo("tfs");
    assertThat(event.path("id").asText()).isNotEmpty();
    assertThat(event.path("message").path("text").asText()).contains("main-line");
    assertThat(event.path("resource").path("refUpdates").path(0).path("newObjectId").asText())
        .isEqualTo(newCommit);
    assertThat(event.path("resourceContainers").path("project").path("id").asText())
        .isEqualTo(repo.project().id().toString());
    assertThat(event.path("createdDate").asText()).isNotEmpty();
    // The pushed branch now points at the pushed commit.
    HttpResponse<String> refs =
        client.get(
            "/org-001/"
                + PathCodec.encodeSegment(repo.project().name())
                + "/_apis/git/repositories/"
                + repo.id()
                + "/refs?filter=heads/main-line&api-version=7.1");
    assertThat(TestClient.json(refs).path("value").path(0).path("objectId").asText())
        .isEqualTo(newCommit);
  }

  @Test
  void completingAPullRequestPushesTheMergeOntoTheTargetAndDeletesTheSource() {
    create("/org-001", subscriptionBody("git.push", receiver.url()));
    String repoUrl =
        "/org-001/"
            + PathCodec.encodeSegment(repo.project().name())
            + "/_apis/git/repositories/"
            + repo.id();
    String oldTarget = refs(repoUrl, repo.defaultBranch().substring("refs/".length())).get(0);
    JsonNode pr =
        TestClient.json(
            send(
                "POST",
                repoUrl + "/pullrequests?api-version=7.1",
                "{\"sourceRefName\":\"refs/heads/feature/search\",\"targetRefName\":\""
                    + repo.defaultBranch()
                    + "\",\"title\":\"Search\"}"));

    JsonNode done =
        TestClient.json(
            send(
                "PATCH",
                repoUrl + "/pullrequests/" + pr.path("pullRequestId").asInt() + "?api-version=7.1",
                "{\"status\":\"completed\",\"lastMergeSourceCommit\":"
                    + pr.path("lastMergeSourceCommit")
                    + ",\"completionOptions\":{\"deleteSourceBranch\":true}}"));

    String merge = done.path("lastMergeCommit").path("commitId").asText();
    assertThat(merge).hasSize(40).isNotEqualTo(oldTarget);
    assertThat(done.path("closedDate").asText()).isNotEmpty();
    assertThat(refs(repoUrl, repo.defaultBranch().substring("refs/".length())))
        .containsExactly(merge);
    assertThat(refs(repoUrl, "heads/feature/search")).isEmpty();
    simulator.awaitDeliveries(d -> d.stream().filter(Delivery::succeeded).count() == 2, WAIT);
    List<JsonNode> updates = new ArrayList<>();
    receiver.bodies.forEach(b -> updates.add(b.path("resource").path("refUpdates").path(0)));
    assertThat(updates)
        .extracting(u -> u.path("name").asText() + " " + u.path("newObjectId").asText())
        .containsExactlyInAnyOrder(
            repo.defaultBranch() + " " + merge, "refs/heads/feature/search " + "0".repeat(40));
    assertThat(updates)
        .filteredOn(u -> u.path("name").asText().equals(repo.defaultBranch()))
        .extracting(u -> u.path("oldObjectId").asText())
        .containsExactly(oldTarget);
  }

  private HttpResponse<String> send(String method, String path, String json) {
    return TestClient.send(
        client
            .request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** The object ids of the refs under {@code filter} (e.g. {@code heads/main}), as listed. */
  private List<String> refs(String repoUrl, String filter) {
    List<String> ids = new ArrayList<>();
    TestClient.json(client.get(repoUrl + "/refs?filter=" + filter + "&api-version=7.1"))
        .path("value")
        .forEach(r -> ids.add(r.path("objectId").asText()));
    return ids;
  }

  @Test
  void failuresAreRetriedWithBackoffUntilTheReceiverAccepts() {
    receiver.statuses.add(500);
    receiver.statuses.add(503);
    create("/org-001", subscriptionBody("git.push", receiver.url()));
    push();

    List<Delivery> attempts =
        simulator.awaitDeliveries(d -> d.stream().anyMatch(Delivery::succeeded), WAIT);
    assertThat(attempts).extracting(Delivery::status).containsExactly(500, 503, 200);
    assertThat(attempts).extracting(Delivery::attempt).containsExactly(1, 2, 3);
    assertThat(attempts).extracting(Delivery::eventId).containsOnly(attempts.get(0).eventId());
  }

  @Test
  void deliveryStopsAfterTheLastAttempt() {
    receiver.statuses.addAll(List.of(500, 500, 500, 500));
    create("/org-001", subscriptionBody("git.push", receiver.url()));
    push();
    List<Delivery> attempts = simulator.awaitDeliveries(d -> d.size() == 3, WAIT);
    assertThat(attempts).noneMatch(Delivery::succeeded);
  }

  @Test
  void aDuplicateDeliveryCarriesTheSameEventId() {
    create("/org-001", subscriptionBody("git.push", receiver.url()));
    simulator.duplicateNextDelivery();
    push();

    List<Delivery> done =
        simulator.awaitDeliveries(d -> d.stream().filter(Delivery::succeeded).count() == 2, WAIT);
    assertThat(done).extracting(Delivery::duplicate).containsExactly(false, true);
    List<String> ids = new ArrayList<>();
    receiver.bodies.forEach(b -> ids.add(b.path("id").asText()));
    assertThat(ids).hasSize(2).containsOnly(ids.get(0));
  }

  @Test
  void onlyMatchingSubscriptionsGetTheEvent() {
    ObjectNode otherRepo = subscriptionBody("git.push", receiver.url());
    otherRepo.with("publisherInputs").put("repository", java.util.UUID.randomUUID().toString());
    create("/org-001", otherRepo);
    create("/org-001", subscriptionBody("build.complete", receiver.url()));
    ObjectNode matching = subscriptionBody("git.push", receiver.url() + "?matching");
    create("/org-001", matching);
    push();

    List<Delivery> done = simulator.awaitDeliveries(d -> !d.isEmpty(), WAIT);
    assertThat(done).singleElement().extracting(Delivery::url).asString().endsWith("?matching");
  }

  @Test
  void a410DisablesTheSubscription() {
    receiver.statuses.add(410);
    create("/org-001", subscriptionBody("git.push", receiver.url()));
    push();
    simulator.awaitDeliveries(d -> !d.isEmpty(), WAIT);
    assertThat(simulator.hookSubscriptions())
        .singleElement()
        .extracting(s -> s.status())
        .isEqualTo("disabledBySystem");
  }

  /** A webhook consumer answering the queued statuses, then 200. */
  private static final class Receiver {
    final HttpServer server;
    final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    final Queue<JsonNode> bodies = new ConcurrentLinkedQueue<>();
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              byte[] body = exchange.getRequestBody().readAllBytes();
              Integer status = statuses.poll();
              int answer = status == null ? 200 : status;
              if (answer == 200) {
                bodies.add(MAPPER.readTree(body));
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
              }
              exchange.sendResponseHeaders(answer, -1);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }
  }
}
