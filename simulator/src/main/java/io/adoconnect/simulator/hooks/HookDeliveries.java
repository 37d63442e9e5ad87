package io.adoconnect.simulator.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.events.ServiceEvents;
import io.adoconnect.simulator.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Turns published events into deliveries: for each enabled subscription whose event type, project,
 * repository and branch filters match, POSTs the event JSON to its URL (with {@code Authorization:
 * Basic} from its inputs and its {@code httpHeaders}) on a background thread.
 *
 * <p>A failure or non-2xx answer is retried after a backoff that doubles each time, up to {@code
 * attempts} tries; a 410 disables the subscription ({@code disabledBySystem}) instead. Azure DevOps
 * documents neither its schedule nor its limits (azure-devops-rest.md §9), so both are assumptions,
 * set with {@link #retry}. After a success, one delivery in {@value #DUPLICATE_ONE_IN} (chosen by
 * the seed), or the next one after {@link #duplicateNext()}, is sent again with the same event and
 * notification ids — receivers must de-duplicate, as with the real service.
 */
public final class HookDeliveries implements ServiceEvents, AutoCloseable {
  static final int DUPLICATE_ONE_IN = 10;

  private final HookSubscriptions subscriptions;
  private final Random random;
  private final ScheduledExecutorService executor;
  private final HttpClient http;
  private final AtomicInteger nextNotification = new AtomicInteger(1);
  private final AtomicBoolean duplicateNext = new AtomicBoolean();
  private final List<Delivery> deliveries = new ArrayList<>();
  private volatile int attempts = 4;
  private volatile Duration firstBackoff = Duration.ofSeconds(1);

  public HookDeliveries(HookSubscriptions subscriptions, long seed) {
    this.subscriptions = subscriptions;
    this.random = new Random(seed);
    this.executor =
        Executors.newScheduledThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "simulator-hook-delivery");
              thread.setDaemon(true);
              return thread;
            });
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Tries per delivery (at least 1) and the wait before the first retry (doubling after). */
  public void retry(int maxAttempts, Duration backoff) {
    if (maxAttempts < 1 || backoff.isNegative()) {
      throw new IllegalArgumentException("at least one attempt and a non-negative backoff");
    }
    this.attempts = maxAttempts;
    this.firstBackoff = backoff;
  }

  /** The next successful delivery is sent twice. */
  public void duplicateNext() {
    duplicateNext.set(true);
  }

  @Override
  public void publish(
      String eventType, Collection collection, String projectId, JsonNode resource) {
    ObjectNode event =
        EventJson.event(
            UUID.randomUUID().toString(),
            eventType,
            collection,
            projectId,
            resource,
            Instant.now());
    for (HookSubscription subscription : subscriptions.of(collection.name())) {
      if (subscription.status().equals("enabled")
          && subscription.eventType().equals(eventType)
          && Filters.match(subscription.publisherInputs(), eventType, projectId, resource)) {
        ObjectNode body =
            EventJson.delivery(event, subscription, nextNotification.getAndIncrement());
        executor.execute(() -> attempt(subscription, body, 1, false));
      }
    }
  }

  private void attempt(HookSubscription subscription, ObjectNode body, int attempt, boolean dup) {
    int status = send(subscription, body);
    if (status == 410) {
      // Azure DevOps disables a subscription whose consumer answers 410 Gone; before the attempt
      // is recorded, so whoever awaits it sees the subscription disabled.
      subscriptions.disable(subscription.id());
    }
    record(subscription, body, attempt, status, dup);
    if (status >= 200 && status < 300) {
      if (!dup && (duplicateNext.getAndSet(false) || rollDuplicate())) {
        executor.execute(() -> attempt(subscription, body, attempt, true));
      }
    } else if (status != 410 && attempt < attempts) {
      long delay = firstBackoff.toMillis() << Math.min(attempt - 1, 16);
      executor.schedule(
          () -> attempt(subscription, body, attempt + 1, dup), delay, TimeUnit.MILLISECONDS);
    }
  }

  private boolean rollDuplicate() {
    synchronized (random) {
      return random.nextInt(DUPLICATE_ONE_IN) == 0;
    }
  }

  private int send(HookSubscription subscription, ObjectNode body) {
    Map<String, String> inputs = subscription.consumerInputs();
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(subscription.url()))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
      String user = inputs.getOrDefault("basicAuthUsername", "");
      String password = inputs.getOrDefault("basicAuthPassword", "");
      if (!user.isEmpty() || !password.isEmpty()) {
        String pair = user + ":" + password;
        request.header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
      for (String line : inputs.getOrDefault("httpHeaders", "").split("\\R")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          request.header(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      return 0; // unreachable, refused, timed out, or a URL the client can't use: retried
    }
  }

  private void record(
      HookSubscription subscription, ObjectNode body, int attempt, int status, boolean dup) {
    Delivery delivery =
        new Delivery(
            body.path("notificationId").asInt(),
            subscription.id(),
            body.path("id").asText(),
            body.path("eventType").asText(),
            subscription.url(),
            attempt,
            status,
            dup,
            Instant.now());
    synchronized (deliveries) {
      deliveries.add(delivery);
      deliveries.notifyAll();
    }
  }

  /** Every attempt so far, in the order they finished. */
  public List<Delivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  /**
   * Waits until {@code done} holds for the attempts recorded so far and returns them.
   *
   * @throws IllegalStateException when {@code timeout} passes first
   */
  public List<Delivery> await(Predicate<List<Delivery>> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (deliveries) {
      while (!done.test(List.copyOf(deliveries))) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(
              "Deliveries did not reach the expected state in " + timeout + ": " + deliveries);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(deliveries, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for deliveries", e);
        }
      }
      return List.copyOf(deliveries);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
