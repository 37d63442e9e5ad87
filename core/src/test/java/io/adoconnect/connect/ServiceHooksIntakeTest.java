package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.InvalidInputException;
import io.adoconnect.auth.Secret;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.http.Json;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.store.HookSubscriptionRecord;
import io.adoconnect.store.Retention;
import io.adoconnect.store.Store;
import io.adoconnect.store.StoredEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the receiver lets in and what the events table keeps: a delivery's shape checked before it
 * is stored, de-duplication per subscription, re-checks always decided, retention, and the range of
 * a start time. Deliveries are handed to {@link AdoConnect#receive} directly.
 */
class ServiceHooksIntakeTest {
  private static final String NOWHERE = "http://127.0.0.1:9"; // subscriptions here never deliver

  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock();
  private Simulator sim;
  private AdoConnect ado;
  private Repository repo;
  private RepositoryRef repoPath;

  @BeforeEach
  void start() {
    sim = Simulator.start(SimulatorConfig.builder().orgs(1).build());
    ado = open(Retention.DEFAULTS);
    ado.connectPat(PatTarget.services(List.of("org-001")), Secret.of(sim.config().pat()));
    repo =
        sim.dataset().organization("org-001").orElseThrow().repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    repoPath = RepositoryRef.of("org-001", repo.project().name(), repo.name());
  }

  private AdoConnect open(Retention retention) {
    return AdoConnect.open(
        EntraKit.settings(
                sim.baseUri(),
                tmp.resolve("data"),
                tmp.resolve("key"),
                RetryingTransport.standard(),
                clock)
            .withRetention(retention));
  }

  @AfterEach
  void stop() {
    ado.close();
    sim.close();
  }

  @Test
  void aDeliveryWithoutTheShapeOfItsTypeIsRefusedAndNothingIsStored() throws IOException {
    HookSubscriptionRecord push = subscribe("git.push");
    HookSubscriptionRecord created = subscribe("git.pullrequest.created");
    HookSubscriptionRecord build = subscribe("build.complete");
    List<Consumer<ObjectNode>> broken =
        List.of(
            e -> update(e).remove("newObjectId"),
            e -> update(e).put("newObjectId", 42),
            e -> update(e).put("newObjectId", "not-a-commit"),
            e -> update(e).put("oldObjectId", "zz"),
            e -> update(e).remove("name"),
            e -> resource(e).putObject("refUpdates").put("name", "refs/heads/main"),
            e -> resource(e).put("refUpdates", "refs/heads/main"),
            e -> resource(e).remove("refUpdates"),
            e -> ((ArrayNode) resource(e).get("refUpdates")).add("refs/heads/main"),
            e -> resource(e).putArray("repository"),
            e -> resource(e).with("repository").putObject("id"),
            e -> e.putArray("resource"),
            e -> e.with("resourceContainers").with("project").put("id", 7));
    for (int i = 0; i < broken.size(); i++) {
      ObjectNode event = push(Integer.toString(i));
      broken.get(i).accept(event);
      assertThat(receive(push, event).outcome())
          .as("variant %d: %s", i, event.path("resource"))
          .isEqualTo(Receipt.Outcome.MALFORMED);
    }
    ObjectNode pr = push("pr");
    pr.put("eventType", "git.pullrequest.created");
    resource(pr).put("pullRequestId", "seven");
    assertThat(receive(created, pr).outcome()).isEqualTo(Receipt.Outcome.MALFORMED);
    ObjectNode noBuild = push("build");
    noBuild.put("eventType", "build.complete");
    assertThat(receive(build, noBuild).outcome()).isEqualTo(Receipt.Outcome.MALFORMED);

    assertThat(ado.events(Optional.empty(), 100)).isEmpty();
    // the well-formed original is stored, and its re-check decided
    Receipt fine = receive(push, push("fine"));
    assertThat(fine.outcome()).isEqualTo(Receipt.Outcome.STORED);
    assertThat(fine.event().rechecked()).isTrue();
    assertThat(ado.events(Optional.empty(), 100)).singleElement();
  }

  @Test
  void anEventIdIsUniquePerSubscriptionNotAcrossThem() throws IOException {
    HookSubscriptionRecord first = subscribe("git.push");
    HookSubscriptionRecord second = subscribe("git.push");
    ObjectNode event = push("same-id");

    assertThat(receive(first, event).outcome()).isEqualTo(Receipt.Outcome.STORED);
    assertThat(receive(second, event).outcome()).isEqualTo(Receipt.Outcome.STORED);
    assertThat(receive(first, event).outcome()).isEqualTo(Receipt.Outcome.DUPLICATE);
    assertThat(receive(second, event).outcome()).isEqualTo(Receipt.Outcome.DUPLICATE);

    List<EventView> events = ado.events(Optional.empty(), 100);
    assertThat(events)
        .extracting(EventView::subscriptionId)
        .containsExactlyInAnyOrder(first.id(), second.id());
    assertThat(events).allSatisfy(e -> assertThat(e.rechecked()).isTrue());
  }

  @Test
  void aRecheckItsReceiverAbandonedIsDecidedUntrustedWithTheReason() {
    HookSubscriptionRecord s = subscribe("git.push");
    Instant now = clock.instant();
    try (Store store = Store.open(tmp.resolve("data"))) {
      store.addEvent(pending(s, "abandoned", now.minus(Duration.ofMinutes(11))));
      store.addEvent(pending(s, "running", now.minus(Duration.ofMinutes(1))));
    }

    List<EventView> events = ado.events(Optional.empty(), 100);

    assertThat(events).extracting(EventView::eventId).containsExactly("abandoned", "running");
    assertThat(events.get(0).rechecked()).isTrue();
    assertThat(events.get(0).trusted()).isFalse();
    assertThat(events.get(0).verification()).isEqualTo(ServiceHooks.ABANDONED);
    assertThat(events.get(1).rechecked()).isFalse();
    assertThat(events.get(1).verification()).isEqualTo(StoredEvent.NOT_RECHECKED_YET);
  }

  @Test
  void eventsBeyondTheRetentionAreDeletedWhenTheNextOneIsStored() throws IOException {
    ado.close();
    ado = open(new Retention(Duration.ofDays(30), 3, Duration.ofDays(1)));
    HookSubscriptionRecord s = subscribe("git.push");
    Instant now = clock.instant();
    try (Store store = Store.open(tmp.resolve("data"))) {
      store.addEvent(pending(s, "old", now.minus(Duration.ofDays(31))));
      for (int i = 1; i <= 3; i++) {
        store.addEvent(pending(s, "recent-" + i, now.minus(Duration.ofMinutes(5 - i))));
      }
    }
    assertThat(ado.events(Optional.empty(), 100)).hasSize(4);

    assertThat(receive(s, push("new")).outcome()).isEqualTo(Receipt.Outcome.STORED);

    assertThat(ado.events(Optional.empty(), 100))
        .extracting(EventView::eventId)
        .containsExactly("recent-2", "recent-3", "new");
  }

  @Test
  void aStartTimeOutsideTheYears1To9999IsBadInputNotAFailure() {
    for (Instant far :
        List.of(
            Instant.MAX,
            Instant.MIN,
            Instant.parse("+100000-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T00:00:00Z"))) {
      assertThatThrownBy(() -> ado.events(Optional.of(far), 10))
          .as(far.toString())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("between the years 0001 and 9999");
    }
    assertThat(ado.events(Optional.of(Instant.parse("0001-01-01T00:00:00Z")), 10)).isEmpty();
    assertThat(ado.events(Optional.of(Instant.parse("9999-12-31T00:00:00Z")), 10)).isEmpty();
  }

  @Test
  void onlyATrustedRepositoryEventForgetsTheKeptListingsOfItsOrganization() throws IOException {
    HookSubscriptionRecord created = subscribe("git.repo.created");
    assertThat(created.repositoryId()).as("repository events are per project").isNull();
    ListingFreshness tenMinutes = new ListingFreshness(Duration.ofMinutes(10));
    ado.repositories(
        Optional.empty(), Optional.empty(), DiscoveryListener.NONE, tenMinutes, (o, r) -> {});
    assertThat(ado.keptListingVersion(Optional.empty(), Optional.empty(), tenMinutes)).isPresent();

    ObjectNode forged = repositoryCreated("forged", "00000000-0000-0000-0000-00000000beef", "x");
    Receipt untrusted = receive(created, forged);
    assertThat(untrusted.event().trusted()).isFalse();
    assertThat(ado.keptListingVersion(Optional.empty(), Optional.empty(), tenMinutes))
        .as("a forged event must not make every listing ask again")
        .isPresent();

    Receipt trusted =
        receive(created, repositoryCreated("genuine", repo.id().toString(), repo.name()));
    assertThat(trusted.event().trusted()).as(trusted.event().verification()).isTrue();
    assertThat(ado.keptListingVersion(Optional.empty(), Optional.empty(), tenMinutes)).isEmpty();
  }

  /** A {@code git.repo.created} delivery as Azure DevOps' events documentation shows it. */
  private ObjectNode repositoryCreated(String eventId, String repositoryId, String name) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("id", eventId);
    event.put("eventType", "git.repo.created");
    event.put("publisherId", "tfs");
    event.with("resourceContainers").with("project").put("id", repo.project().id().toString());
    ObjectNode repository = resource(event).with("repository");
    repository.put("id", repositoryId);
    repository.put("name", name);
    repository.with("project").put("id", repo.project().id().toString());
    repository.with("project").put("name", repo.project().name());
    return event;
  }

  private HookSubscriptionRecord subscribe(String type) {
    return ado.subscribe(repoPath, List.of(type), NOWHERE).get(0);
  }

  private Receipt receive(HookSubscriptionRecord s, ObjectNode event) throws IOException {
    String password =
        sim.hookSubscriptions().stream()
            .filter(h -> h.id().toString().equals(s.remoteId()))
            .map(h -> h.consumerInputs().get("basicAuthPassword"))
            .findFirst()
            .orElseThrow();
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("ado-connect:" + password).getBytes(StandardCharsets.UTF_8));
    return ado.receive(s.id(), basic, Json.MAPPER.writeValueAsBytes(event));
  }

  /** The documented push example, pointed at this repository. */
  private ObjectNode push(String id) throws IOException {
    ObjectNode event =
        (ObjectNode)
            Json.MAPPER.readTree(
                getClass().getResourceAsStream("/fixtures/service-hook-event-git-push.json"));
    event.put("id", id);
    event.with("resourceContainers").with("project").put("id", repo.project().id().toString());
    resource(event).with("repository").put("id", repo.id().toString());
    return event;
  }

  private static ObjectNode resource(ObjectNode event) {
    return event.with("resource");
  }

  private static ObjectNode update(ObjectNode event) {
    return (ObjectNode) resource(event).get("refUpdates").get(0);
  }

  private StoredEvent pending(HookSubscriptionRecord s, String id, Instant receivedAt) {
    return StoredEvent.received(
        id,
        s.id(),
        "git.push",
        "org-001",
        repo.project().name(),
        repo.name(),
        repo.id().toString(),
        receivedAt,
        "{}");
  }
}
