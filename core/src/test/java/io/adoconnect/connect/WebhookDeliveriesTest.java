package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.adoconnect.http.JdkHttpTransport;
import io.adoconnect.net.AddressPolicy;
import io.adoconnect.net.AllowedTargets;
import io.adoconnect.net.Resolver;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.Owner;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Source;
import io.adoconnect.store.Store;
import io.adoconnect.store.WebhookMessage;
import io.adoconnect.vault.KeyFileSource;
import io.adoconnect.vault.Vault;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's events to the application: a change for an application's end user queues a signed
 * message in the change's own transaction, and the outbox delivers it at least once, with retries,
 * under leases several instances share.
 */
class WebhookDeliveriesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Duration> BACKOFF =
      List.of(Duration.ofSeconds(5), Duration.ofMinutes(1));

  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock();
  private final Queue<Received> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private HttpServer receiver;
  private Applications apps;
  private Store store;

  /** What the receiver got: the body and the three Standard Webhooks headers. */
  record Received(String body, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.get(name).get(0);
    }
  }

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, List<String>> headers = new java.util.HashMap<>();
          for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, exchange.getRequestHeaders().get(name));
          }
          received.add(new Received(new String(body, StandardCharsets.UTF_8), headers));
          int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    store = Store.open(tmp);
    Resolver resolver = host -> List.of(InetAddress.getByName(host));
    apps =
        new Applications(
            store,
            () -> Vault.open(new KeyFileSource(tmp.resolve("key"))),
            new AddressPolicy(
                AllowedTargets.parse("127.0.0.1:" + receiver.getAddress().getPort(), "test"),
                resolver),
            clock);
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private String webhookUrl() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
  }

  private WebhookDeliveries deliveries() {
    return new WebhookDeliveries(
        store,
        () -> Vault.open(new KeyFileSource(tmp.resolve("key"))),
        JdkHttpTransport.withDefaults(),
        clock,
        BACKOFF,
        WebhookDeliveries.LEASE);
  }

  private static Account account(String id, AccountStatus status) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    return new Account(
        id,
        ConnectionMethod.PAT,
        "services",
        "Ada",
        "ada@example.com",
        null,
        null,
        now,
        now.plusSeconds(3600),
        List.of("fabrikam"),
        status);
  }

  private static Source source(String id) {
    return new Source(
        id,
        "acc1",
        "services",
        "fabrikam",
        "Web",
        "app",
        "repo-1",
        "https://dev.azure.com/fabrikam/Web/_git/app",
        "https://dev.azure.com/fabrikam/Web/_git/app",
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  private List<String> types(String applicationId) {
    List<String> types =
        new ArrayList<>(
            apps.deliveries(applicationId, 100).stream().map(WebhookMessage::type).toList());
    Collections.reverse(types);
    return types;
  }

  @Test
  void eachChangeForAnEndUserQueuesOneMessageAndNothingElseDoes() {
    Applications.NewKey withHook = apps.create("orchestrator", Optional.of(webhookUrl()));
    Applications.NewKey without = apps.create("quiet", Optional.empty());
    assertThat(withHook.webhookSecret().reveal()).startsWith("whsec_");
    assertThat(without.webhookSecret()).isNull();
    Store alice = store.forOwner(new Owner(withHook.application().id(), "alice"));
    Store bob = store.forOwner(new Owner(without.application().id(), "bob"));
    Map<SecretKind, byte[]> sealed = Map.of(SecretKind.PAT, new byte[] {1});

    alice.saveAccount(account("acc1", AccountStatus.CONNECTED), sealed);
    alice.saveAccount(account("acc1", AccountStatus.CONNECTED), sealed); // a renewal: no message
    alice.setAccountStatus("acc1", AccountStatus.RECONNECT_NEEDED);
    alice.setAccountStatus("acc1", AccountStatus.RECONNECT_NEEDED); // no change, no message
    alice.addSource(source("src1"));
    alice.addSource(source("src2")); // the same repository: kept as src1, no message
    alice.removeSource("src1");
    alice.addEvent(
        io.adoconnect.store.StoredEvent.received(
            "ev1", "sub1", "git.push", "fabrikam", "Web", "app", "repo-1", clock.instant(), "{}"));
    alice.verifyEvent("sub1", "ev1", true, "The push's refs are in Azure DevOps.", clock.instant());
    alice.deleteAccount("acc1");
    bob.saveAccount(account("acc2", AccountStatus.CONNECTED), sealed);
    store.saveAccount(account("acc3", AccountStatus.CONNECTED), sealed); // the CLI's local owner

    assertThat(types(withHook.application().id()))
        .containsExactly(
            "connection.created",
            "connection.reconnect_needed",
            "source.added",
            "source.removed",
            "azure_devops.event",
            "connection.deleted");
    assertThat(apps.deliveries(without.application().id(), 100)).isEmpty();
    WebhookMessage created = apps.deliveries(withHook.application().id(), 100).get(5);
    assertThat(created.endUser()).isEqualTo("alice");
    assertThat(created.payload()).doesNotContain("ada@example.com");
  }

  @Test
  void aMessageArrivesSignedAndIsRetriedUntilTheReceiverTakesIt() throws Exception {
    Applications.NewKey app = apps.create("orchestrator", Optional.of(webhookUrl()));
    store
        .forOwner(new Owner(app.application().id(), "alice"))
        .saveAccount(
            account("acc1", AccountStatus.CONNECTED), Map.of(SecretKind.PAT, new byte[] {1}));
    failuresLeft.set(1);
    WebhookDeliveries deliveries = deliveries();

    assertThat(deliveries.deliverDue("one", 10)).isZero();
    WebhookMessage failed = apps.deliveries(app.application().id(), 10).get(0);
    assertThat(failed.state()).isEqualTo("pending");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastStatus()).isEqualTo(503);
    assertThat(failed.nextAttemptAt()).isAfter(clock.instant().plusSeconds(4));
    assertThat(deliveries.deliverDue("one", 10)).as("not due before the backoff").isZero();
    assertThat(received).hasSize(1);

    clock.advance(Duration.ofSeconds(6));
    assertThat(deliveries.deliverDue("one", 10)).isEqualTo(1);
    assertThat(received).hasSize(2);
    List<Received> attempts = List.copyOf(received);
    assertThat(attempts.get(1).header("webhook-id"))
        .isEqualTo(attempts.get(0).header("webhook-id"));
    for (Received attempt : attempts) {
      HttpHeaders headers = HttpHeaders.of(attempt.headers(), (a, b) -> true);
      // Standard Webhooks' own verifier, with the secret shown once at creation
      new Webhook(app.webhookSecret().reveal()).verify(attempt.body(), headers);
    }
    JsonNode body = JSON.readTree(attempts.get(1).body());
    assertThat(body.path("type").asText()).isEqualTo("connection.created");
    assertThat(body.path("data").path("endUser").asText()).isEqualTo("alice");
    assertThat(body.path("data").path("account").path("id").asText()).isEqualTo("acc1");
    WebhookMessage delivered = apps.deliveries(app.application().id(), 10).get(0);
    assertThat(delivered.state()).isEqualTo("delivered");
    assertThat(delivered.attempts()).isEqualTo(2);
    assertThat(deliveries.deliverDue("one", 10)).as("delivered once is done").isZero();
    assertThat(received).hasSize(2);
  }

  @Test
  void aForgedSignatureFailsTheStandardVerifier() throws Exception {
    Applications.NewKey app = apps.create("orchestrator", Optional.of(webhookUrl()));
    store
        .forOwner(new Owner(app.application().id(), "alice"))
        .saveAccount(
            account("acc1", AccountStatus.CONNECTED), Map.of(SecretKind.PAT, new byte[] {1}));
    deliveries().deliverDue("one", 10);
    Received got = received.peek();
    Applications.NewWebhook replaced = apps.setWebhook(app.application().id(), webhookUrl());
    HttpHeaders headers = HttpHeaders.of(got.headers(), (a, b) -> true);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Webhook(replaced.secret().reveal()).verify(got.body(), headers))
        .as("the old message does not verify with another secret")
        .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Webhook(app.webhookSecret().reveal())
                    .verify(got.body().replace("alice", "mallory"), headers))
        .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
  }

  @Test
  void afterTheLastRetryTheMessageIsGivenUp() {
    Applications.NewKey app = apps.create("orchestrator", Optional.of(webhookUrl()));
    store
        .forOwner(new Owner(app.application().id(), "alice"))
        .saveAccount(
            account("acc1", AccountStatus.CONNECTED), Map.of(SecretKind.PAT, new byte[] {1}));
    failuresLeft.set(100);
    WebhookDeliveries deliveries = deliveries();
    for (int attempt = 0; attempt <= BACKOFF.size(); attempt++) {
      deliveries.deliverDue("one", 10);
      clock.advance(Duration.ofMinutes(2));
    }
    WebhookMessage message = apps.deliveries(app.application().id(), 10).get(0);
    assertThat(message.state()).isEqualTo("failed");
    assertThat(message.attempts()).isEqualTo(BACKOFF.size() + 1);
    assertThat(deliveries.deliverDue("one", 10)).isZero();
    assertThat(received).hasSize(BACKOFF.size() + 1);
  }

  @Test
  void aClaimHoldsAgainstOtherInstancesUntilItsLeaseEnds() {
    Applications.NewKey app = apps.create("orchestrator", Optional.of(webhookUrl()));
    Store alice = store.forOwner(new Owner(app.application().id(), "alice"));
    for (int i = 0; i < 5; i++) {
      alice.saveAccount(
          account("acc" + i, AccountStatus.CONNECTED), Map.of(SecretKind.PAT, new byte[] {1}));
    }
    Instant now = clock.instant();
    List<WebhookMessage> first =
        store.webhookMessages().claimDue("dead", now, Duration.ofMinutes(3), 3);
    List<WebhookMessage> second =
        store.webhookMessages().claimDue("other", now, Duration.ofMinutes(3), 10);
    assertThat(first).hasSize(3);
    assertThat(second).hasSize(2);
    assertThat(second)
        .extracting(WebhookMessage::id)
        .doesNotContainAnyElementsOf(first.stream().map(WebhookMessage::id).toList());

    // "dead" never reports back: once its lease ends, another instance delivers its three
    clock.advance(Duration.ofMinutes(4));
    assertThat(deliveries().deliverDue("other", 10)).isEqualTo(5);
    assertThat(received).hasSize(5);
    assertThat(
            store
                .webhookMessages()
                .attempted(first.get(0).id(), "dead", 204, null, clock.instant(), true, null))
        .as("the dead instance's late report changes nothing")
        .isFalse();
  }

  @Test
  void aStoppingInstancesClaimsAreDeliveredByAnotherAtOnce() {
    Applications.NewKey app = apps.create("orchestrator", Optional.of(webhookUrl()));
    Store alice = store.forOwner(new Owner(app.application().id(), "alice"));
    alice.saveAccount(
        account("acc1", AccountStatus.CONNECTED), Map.of(SecretKind.PAT, new byte[] {1}));
    Instant now = clock.instant();
    assertThat(store.webhookMessages().claimDue("stopping", now, Duration.ofMinutes(3), 10))
        .hasSize(1);
    assertThat(deliveries().deliverDue("other", 10)).as("held by a live lease").isZero();

    assertThat(deliveries().releaseAll("stopping")).isEqualTo(1);
    assertThat(deliveries().deliverDue("other", 10)).as("no wait for the lease").isEqualTo(1);
    assertThat(received).hasSize(1);
    assertThat(deliveries().releaseAll("other")).as("delivered: nothing left to release").isZero();
  }
}
