package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.adoconnect.InvalidInputException;
import io.adoconnect.LocalNotFoundException;
import io.adoconnect.auth.Secret;
import io.adoconnect.http.Json;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.pullrequests.MergeStrategy;
import io.adoconnect.pullrequests.NewPullRequest;
import io.adoconnect.pullrequests.PullRequest;
import io.adoconnect.pullrequests.RepositoryPullRequests;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.hooks.Delivery;
import io.adoconnect.simulator.hooks.HookSubscription;
import io.adoconnect.store.HookSubscriptionRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscribing, receiving (credential, de-duplication, re-check) and unsubscribing, against the
 * simulator, with a minimal receiver in front of {@link AdoConnect#receive}.
 */
class ServiceHooksTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path tmp;
  private Simulator sim;
  private AdoConnect ado;
  private HttpServer receiver;
  private Repository repo;
  private RepositoryRef repoPath;

  @BeforeEach
  void start() throws IOException {
    sim = Simulator.start(SimulatorConfig.builder().orgs(1).build());
    sim.hookRetry(2, Duration.ofMillis(5));
    ado =
        AdoConnect.open(
            EntraKit.settings(
                sim.baseUri(),
                tmp.resolve("data"),
                tmp.resolve("key"),
                RetryingTransport.standard(),
                new MutableClock()));
    ado.connectPat(PatTarget.services(List.of("org-001")), Secret.of(sim.config().pat()));
    Collection org = sim.dataset().organization("org-001").orElseThrow();
    repo =
        org.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    repoPath = RepositoryRef.of("org-001", repo.project().name(), repo.name());
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/api/hooks/",
        exchange -> {
          try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/api/hooks/".length());
            Receipt receipt =
                ado.receive(
                    id,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestBody().readAllBytes());
            int status =
                switch (receipt.outcome()) {
                  case STORED, DUPLICATE -> 200;
                  case BAD_CREDENTIAL -> 401;
                  case UNKNOWN_SUBSCRIPTION -> 404;
                  case MALFORMED -> 400;
                };
            exchange.sendResponseHeaders(status, -1);
          }
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    ado.close();
    sim.close();
  }

  private String receiverBase() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort();
  }

  private String password(HookSubscriptionRecord record) {
    return sim.hookSubscriptions().stream()
        .filter(s -> s.id().toString().equals(record.remoteId()))
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
  void subscribeMakesOneSubscriptionPerEventTypeEachWithItsOwnPassword() {
    List<HookSubscriptionRecord> made = ado.subscribe(repoPath, List.of(), receiverBase());

    assertThat(made)
        .extracting(HookSubscriptionRecord::eventType)
        .containsExactly(
            "git.push", "git.pullrequest.created", "git.pullrequest.updated", "build.complete");
    assertThat(ado.subscriptions())
        .hasSize(4)
        .allSatisfy(s -> assertThat(s.remoteId()).isNotNull());
    List<HookSubscription> remote = sim.hookSubscriptions();
    assertThat(remote).hasSize(4);
    for (HookSubscriptionRecord record : made) {
      HookSubscription upstream =
          remote.stream()
              .filter(s -> s.id().toString().equals(record.remoteId()))
              .findFirst()
              .orElseThrow();
      assertThat(upstream.url()).isEqualTo(receiverBase() + "/api/hooks/" + record.id());
      assertThat(upstream.consumerInputs()).containsEntry("basicAuthUsername", "ado-connect");
      assertThat(upstream.publisherInputs())
          .containsEntry("projectId", repo.project().id().toString());
      assertThat(upstream.publisherInputs().containsKey("repository"))
          .isEqualTo(!record.eventType().equals("build.complete"));
    }
    assertThat(remote.stream().map(s -> s.consumerInputs().get("basicAuthPassword")).distinct())
        .hasSize(4);
  }

  @Test
  void badInputIsRefusedBeforeAnyCall() {
    sim.resetCounts();
    assertThatThrownBy(() -> ado.subscribe(repoPath, List.of("git.nothing"), receiverBase()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ado.subscribe(repoPath, List.of(), "ftp://example.com"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ado.subscribe(repoPath, List.of(), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("receiver URL");
    assertThat(sim.requestCount()).isZero();
  }

  @Test
  void aPushIsStoredOnceTrustedAfterTheRecheckAndMarksTheSourceChanged() {
    ado.addSource(repoPath);
    ado.subscribe(repoPath, List.of("git.push"), receiverBase());
    assertThat(ado.sources().get(0).lastChanged()).isNull();
    sim.duplicateNextDelivery();
    String pushed =
        sim.push("org-001", repo.project().name(), repo.name(), "main")
            .path("refUpdates")
            .path(0)
            .path("newObjectId")
            .asText();

    List<Delivery> delivered =
        sim.awaitDeliveries(d -> d.stream().filter(Delivery::succeeded).count() == 2, WAIT);
    assertThat(delivered).extracting(Delivery::eventId).containsOnly(delivered.get(0).eventId());
    List<EventView> events = ado.events(Optional.empty(), 100);
    assertThat(events).singleElement();
    EventView event = events.get(0);
    assertThat(event.eventId()).isEqualTo(delivered.get(0).eventId());
    assertThat(event.trusted()).as(event.verification()).isTrue();
    assertThat(event.verification()).contains(pushed);
    assertThat(event.repository()).isEqualTo(repo.name());
    assertThat(ado.sources().get(0).lastChanged()).isEqualTo(event.receivedAt());
  }

  @Test
  void aWrongOrMissingCredentialIsRefusedAndNothingIsStored() {
    HookSubscriptionRecord s = ado.subscribe(repoPath, List.of("git.push"), receiverBase()).get(0);
    String right = password(s);
    byte[] body = "{\"id\":\"e1\",\"eventType\":\"git.push\"}".getBytes(StandardCharsets.UTF_8);

    for (String authorization :
        new String[] {
          null,
          "",
          "Bearer " + right,
          basic("ado-connect", right.substring(0, right.length() - 1)),
          basic("ado-connect", right + "x"),
          basic("someone", right),
          basic("ado-connect", ""),
          "Basic not-base64!"
        }) {
      assertThat(ado.receive(s.id(), authorization, body).outcome())
          .as(String.valueOf(authorization))
          .isEqualTo(Receipt.Outcome.BAD_CREDENTIAL);
    }
    assertThat(ado.receive("nosuchid", basic("ado-connect", right), body).outcome())
        .isEqualTo(Receipt.Outcome.UNKNOWN_SUBSCRIPTION);
    assertThat(ado.receive(s.id(), basic("ado-connect", right), "{".getBytes()).outcome())
        .isEqualTo(Receipt.Outcome.MALFORMED);
    assertThat(ado.events(Optional.empty(), 10)).isEmpty();
  }

  @Test
  void aPushTheRepositoryDoesNotShowIsStoredUntrustedWithTheReason() throws Exception {
    HookSubscriptionRecord s = ado.subscribe(repoPath, List.of("git.push"), receiverBase()).get(0);
    ObjectNode event =
        (ObjectNode)
            Json.MAPPER.readTree(
                ServiceHooksTest.class.getResourceAsStream(
                    "/fixtures/service-hook-event-git-push.json"));
    event.with("resourceContainers").with("project").put("id", repo.project().id().toString());
    event.with("resource").with("repository").put("id", repo.id().toString());

    Receipt receipt =
        ado.receive(
            s.id(), basic("ado-connect", password(s)), Json.MAPPER.writeValueAsBytes(event));

    assertThat(receipt.outcome()).isEqualTo(Receipt.Outcome.STORED);
    assertThat(receipt.event().trusted()).isFalse();
    assertThat(receipt.event().verification()).contains("refs/heads/master does not exist");
    assertThat(ado.events(Optional.empty(), 10))
        .singleElement()
        .extracting(EventView::trusted)
        .isEqualTo(false);
    assertThat(
            ado.receive(
                    s.id(), basic("ado-connect", password(s)), Json.MAPPER.writeValueAsBytes(event))
                .outcome())
        .isEqualTo(Receipt.Outcome.DUPLICATE);
  }

  @Test
  void pullRequestEventsAreTrustedWhenAzureDevOpsShowsThePullRequestSo() throws Exception {
    ado.addSource(repoPath);
    List<HookSubscriptionRecord> made =
        ado.subscribe(
            repoPath,
            List.of("git.pullrequest.created", "git.pullrequest.updated"),
            receiverBase());
    RepositoryPullRequests prs = ado.repository(repoPath).pullRequests();
    PullRequest pr =
        prs.create(
                new NewPullRequest(
                    "refs/heads/feature/search",
                    repo.defaultBranch(),
                    "Search",
                    null,
                    List.of(),
                    false))
            .pullRequest();
    // Completed at once: the created event may be re-checked after it, and is still trusted.
    prs.complete(pr.pullRequestId(), MergeStrategy.SQUASH, false);

    sim.awaitDeliveries(d -> d.stream().filter(Delivery::succeeded).count() == 2, WAIT);
    List<EventView> events = ado.events(Optional.empty(), 10);
    assertThat(events)
        .extracting(EventView::eventType, EventView::trusted)
        .containsExactlyInAnyOrder(
            tuple("git.pullrequest.created", true), tuple("git.pullrequest.updated", true));
    assertThat(events)
        .filteredOn(e -> e.eventType().equals("git.pullrequest.updated"))
        .singleElement()
        .extracting(EventView::verification)
        .asString()
        .contains("Pull request " + pr.pullRequestId() + " is completed");
    // Trusted, but not a change of content: only pushes mark a source changed.
    assertThat(ado.sources().get(0).lastChanged()).isNull();

    // The same events, altered: a created one from another branch, an update still "active".
    HookSubscriptionRecord created = made.get(0);
    EventView real =
        events.stream()
            .filter(e -> e.eventType().equals("git.pullrequest.created"))
            .findFirst()
            .orElseThrow();
    ObjectNode forged = real.payload().deepCopy();
    forged.put("id", "forged-created");
    forged.with("resource").put("sourceRefName", "refs/heads/forged");
    Receipt receipt =
        ado.receive(
            created.id(),
            basic("ado-connect", password(created)),
            Json.MAPPER.writeValueAsBytes(forged));
    assertThat(receipt.event().trusted()).isFalse();
    assertThat(receipt.event().verification()).contains("the event says 'refs/heads/forged'");
    HookSubscriptionRecord updated = made.get(1);
    ObjectNode stale = forged.deepCopy();
    stale.put("id", "stale-update");
    stale.put("eventType", "git.pullrequest.updated");
    stale.with("resource").put("status", "active");
    receipt =
        ado.receive(
            updated.id(),
            basic("ado-connect", password(updated)),
            Json.MAPPER.writeValueAsBytes(stale));
    assertThat(receipt.event().trusted()).isFalse();
    assertThat(receipt.event().verification())
        .contains("status is 'completed', the event says 'active'");
  }

  @Test
  void aBuildCompleteIsTrustedWhenTheBuildCompletedWithThatResult() throws Exception {
    Collection org = sim.dataset().organization("org-001").orElseThrow();
    var definition = sim.buildDefinitions(org).get(0);
    ProjectRef projectPath = ProjectRef.of("org-001", definition.project().name());
    HookSubscriptionRecord s =
        ado.subscribe(projectPath, List.of("build.complete"), receiverBase()).get(0);
    ado.project(projectPath)
        .builds()
        .queue(Integer.toString(definition.id()), null, Map.of(), Map.of());
    sim.completeBuilds();

    sim.awaitDeliveries(d -> d.stream().anyMatch(Delivery::succeeded), WAIT);
    EventView event = ado.events(Optional.empty(), 10).get(0);
    assertThat(event.trusted()).as(event.verification()).isTrue();
    assertThat(event.verification()).contains("completed succeeded");

    ObjectNode forged = event.payload().deepCopy();
    forged.put("id", "forged-build");
    forged.with("resource").put("result", "failed");
    Receipt receipt =
        ado.receive(
            s.id(), basic("ado-connect", password(s)), Json.MAPPER.writeValueAsBytes(forged));
    assertThat(receipt.event().trusted()).isFalse();
    assertThat(receipt.event().verification())
        .contains("completed succeeded in Azure DevOps, not failed");
  }

  @Test
  void completingAPullRequestIsATrustedPushThatMarksTheSourceChanged() {
    ado.addSource(repoPath);
    ado.subscribe(repoPath, List.of("git.push"), receiverBase());
    RepositoryPullRequests prs = ado.repository(repoPath).pullRequests();
    PullRequest pr =
        prs.create(
                new NewPullRequest(
                    "refs/heads/feature/login-page",
                    repo.defaultBranch(),
                    "Login page",
                    null,
                    List.of(),
                    false))
            .pullRequest();
    assertThat(ado.sources().get(0).lastChanged()).isNull();

    PullRequest done = prs.complete(pr.pullRequestId(), MergeStrategy.NO_FAST_FORWARD, false);

    sim.awaitDeliveries(d -> d.stream().anyMatch(Delivery::succeeded), WAIT);
    EventView event = ado.events(Optional.empty(), 10).get(0);
    assertThat(event.eventType()).isEqualTo("git.push");
    assertThat(event.trusted()).as(event.verification()).isTrue();
    assertThat(event.verification())
        .contains(repo.defaultBranch() + " at " + done.lastMergeCommit().commitId());
    assertThat(ado.sources().get(0).lastChanged()).isEqualTo(event.receivedAt());
  }

  @Test
  void unsubscribeDeletesUpstreamThenLocallyEvenWhenAlreadyGoneUpstream() throws Exception {
    List<HookSubscriptionRecord> made =
        ado.subscribe(repoPath, List.of("git.push", "build.complete"), receiverBase());
    ado.unsubscribe(made.get(0).id());
    assertThat(sim.hookSubscriptions()).hasSize(1);

    HttpResponse<Void> deleted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            sim.baseUri()
                                + "/org-001/_apis/hooks/subscriptions/"
                                + made.get(1).remoteId()
                                + "?api-version=7.1"))
                    .header("Authorization", basic("", sim.config().pat()))
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(deleted.statusCode()).isEqualTo(204);
    ado.unsubscribe(made.get(1).id());
    assertThat(ado.subscriptions()).isEmpty();
    assertThatThrownBy(() -> ado.unsubscribe(made.get(1).id()))
        .isInstanceOf(LocalNotFoundException.class);
  }

  @Test
  void thePasswordIsNeverStoredInClearText() throws Exception {
    HookSubscriptionRecord s = ado.subscribe(repoPath, List.of("git.push"), receiverBase()).get(0);
    try (var files = Files.list(tmp.resolve("data"))) {
      for (Path file : files.toList()) { // the database and its WAL
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(content).as(file.toString()).doesNotContain(password(s));
      }
    }
    assertThat(s.toString()).doesNotContain(password(s));
  }
}
