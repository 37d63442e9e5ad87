package io.adoconnect.connect;

import io.adoconnect.auth.Secret;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.store.ApplicationRecord;
import io.adoconnect.store.Store;
import io.adoconnect.store.WebhookMessage;
import io.adoconnect.store.WebhookMessages;
import io.adoconnect.vault.Vault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the webhook outbox: claims due messages (a lease, so several instances never send one
 * message at the same moment and a dead instance's claims expire), POSTs each signed to its
 * application's webhook URL through the service's checked transport (the server-address policy
 * holds at delivery too; redirects are not followed), and records the outcome. A 2xx is delivered;
 * anything else is tried again after the next backoff step, and given up after the last. Delivery
 * is at least once: every attempt carries the message's {@code webhook-id}.
 *
 * <pre>{@code
 * WebhookDeliveries deliveries = ado.webhookDeliveries();
 * scheduler.scheduleWithFixedDelay(() -> deliveries.deliverDue("instance-1", 20), 1, 1, SECONDS);
 * }</pre>
 */
public final class WebhookDeliveries {
  /** The default retry steps, about a day in all (as Standard Webhooks' own service does). */
  public static final List<Duration> BACKOFF =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  /**
   * How long a claim lasts by default: longer than one attempt can take (the transport's per-try
   * timeout is 60 s by default). A killed instance's messages wait this long for another.
   */
  public static final Duration LEASE = Duration.ofMinutes(3);

  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

  private final Store store;
  private final WebhookMessages outbox;
  private final Supplier<Vault> vault;
  private final HttpTransport transport;
  private final Clock clock;
  private final List<Duration> backoff;
  private final Duration lease;

  WebhookDeliveries(
      Store store,
      Supplier<Vault> vault,
      HttpTransport transport,
      Clock clock,
      List<Duration> backoff,
      Duration lease) {
    this.store = store;
    this.outbox = store.webhookMessages();
    this.vault = vault;
    this.transport = transport;
    this.clock = clock;
    this.backoff = List.copyOf(backoff);
    this.lease = lease;
  }

  /**
   * Frees the messages {@code instance} claimed and has not answered for (it is stopping), so
   * another instance delivers them at once. One whose delivery was cut short may arrive twice; the
   * message id lets the receiver tell.
   *
   * @return how many it released
   */
  public int releaseAll(String instance) {
    return outbox.releaseAll(instance);
  }

  /**
   * Sends what is due now, up to {@code max} messages, as {@code instance}.
   *
   * @return how many were delivered
   */
  public int deliverDue(String instance, int max) {
    List<WebhookMessage> due = outbox.claimDue(instance, clock.instant(), lease, max);
    Map<String, Optional<Target>> targets = new HashMap<>();
    int delivered = 0;
    for (WebhookMessage message : due) {
      Optional<Target> target = targets.computeIfAbsent(message.applicationId(), this::target);
      if (deliver(instance, message, target)) {
        delivered++;
      }
    }
    return delivered;
  }

  /** How many messages wait in the outbox, due or not (what an operator's graph shows). */
  public long waiting() {
    return outbox.waiting();
  }

  /** Where an application's messages go and the secret that signs them; empty without a webhook. */
  private record Target(URI url, Secret secret) {}

  private Optional<Target> target(String applicationId) {
    Optional<String> url =
        store.applications().find(applicationId).map(ApplicationRecord::webhookUrl);
    Optional<byte[]> sealed = store.applications().sealedWebhookSecret(applicationId);
    if (url.isEmpty() || sealed.isEmpty()) {
      return Optional.empty();
    }
    Secret secret = vault.get().unseal(sealed.get(), WebhookSigning.sealedFor(applicationId));
    return Optional.of(new Target(URI.create(url.get()), secret));
  }

  private boolean deliver(String instance, WebhookMessage message, Optional<Target> target) {
    Instant now = clock.instant();
    if (target.isEmpty()) {
      // the webhook was removed after the message was queued: nowhere to send it
      outbox.attempted(
          message.id(),
          instance,
          null,
          "The application has no webhook any more.",
          now,
          false,
          null);
      return false;
    }
    long timestamp = now.getEpochSecond();
    String signature =
        WebhookSigning.signature(target.get().secret(), message.id(), timestamp, message.payload());
    ApiRequest request =
        ApiRequest.json(
                "POST",
                target.get().url(),
                message.payload().getBytes(StandardCharsets.UTF_8),
                "application/json")
            .withHeader("webhook-id", message.id())
            .withHeader("webhook-timestamp", Long.toString(timestamp))
            .withHeader("webhook-signature", signature)
            .withHeader("User-Agent", "ado-connect-webhooks");
    Integer status = null;
    String error;
    try {
      ApiResponse response = transport.send(request);
      status = response.status();
      if (status >= 200 && status < 300) {
        outbox.attempted(message.id(), instance, status, null, clock.instant(), true, null);
        return true;
      }
      // the receiver's body is not kept: it could carry anything, and the log is shown to operators
      error = "The receiver answered " + status + ".";
    } catch (RuntimeException e) {
      error = "No answer: " + e.getMessage();
    }
    int attempt = message.attempts() + 1;
    Instant next =
        attempt <= backoff.size() ? clock.instant().plus(backoff.get(attempt - 1)) : null;
    outbox.attempted(message.id(), instance, status, error, clock.instant(), false, next);
    log.info(
        "webhook {} ({}) to application {}: attempt {} failed ({}); {}",
        message.id(),
        message.type(),
        message.applicationId(),
        attempt,
        error,
        next == null ? "giving up" : "next attempt at " + next);
    return false;
  }
}
