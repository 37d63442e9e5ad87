package io.adoconnect.server.team;

import io.adoconnect.Durations;
import io.adoconnect.InvalidInputException;
import io.adoconnect.connect.WebhookDeliveries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a team deployment runs ({@code serve --team}): every API call authenticates with an
 * application's API key and names the end user it acts for; the browser comes in through connect
 * links only.
 *
 * @param deviceCode whether device code sign-in is offered: off by default, since a device code
 *     started by one party and approved by another is the remote phishing RFC 8628 §5.4 warns of
 * @param connectLinkLifetime how long a connect link works (once)
 * @param webhookInterval how often this instance looks for webhook messages that are due
 * @param webhookBackoff the waits between a failed webhook attempt and the next; after the last one
 *     the message is given up
 * @param webhookLease how long an instance's claim on a message lasts: a killed instance's messages
 *     are delivered by another once it ends
 */
public record TeamMode(
    boolean deviceCode,
    Duration connectLinkLifetime,
    Duration webhookInterval,
    List<Duration> webhookBackoff,
    Duration webhookLease) {
  public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofMinutes(10);

  public static final String LINK_LIFETIME_ENV = "ADO_CONNECT_CONNECT_LINK_LIFETIME";
  public static final String WEBHOOK_BACKOFF_ENV = "ADO_CONNECT_WEBHOOK_BACKOFF";
  public static final String WEBHOOK_LEASE_ENV = "ADO_CONNECT_WEBHOOK_LEASE";

  public TeamMode {
    if (connectLinkLifetime == null
        || connectLinkLifetime.isNegative()
        || connectLinkLifetime.isZero()
        || connectLinkLifetime.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidInputException(
          "A connect link lives between 1 second and 1 hour (" + LINK_LIFETIME_ENV + ").",
          "Set it to e.g. 10m, or leave it unset for 10 minutes.");
    }
    webhookBackoff = List.copyOf(webhookBackoff);
    if (webhookBackoff.isEmpty()) {
      throw new InvalidInputException(
          "A webhook message needs at least one retry wait (" + WEBHOOK_BACKOFF_ENV + ").",
          "Set it to e.g. 5s,5m,30m,2h, or leave it unset for the default.");
    }
    if (webhookLease.compareTo(Duration.ofSeconds(5)) < 0) {
      throw new InvalidInputException(
          "A webhook claim lasts at least 5 seconds (" + WEBHOOK_LEASE_ENV + ").",
          "Set it above the longest a delivery may take, e.g. 3m, or leave it unset.");
    }
  }

  /** Team mode with device code sign-in off and 10-minute connect links. */
  public static TeamMode defaults() {
    return new TeamMode(
        false,
        DEFAULT_LINK_LIFETIME,
        Duration.ofSeconds(1),
        WebhookDeliveries.BACKOFF,
        WebhookDeliveries.LEASE);
  }

  /**
   * The defaults with what the deployment's environment sets instead: {@value #LINK_LIFETIME_ENV}
   * (one duration) and {@value #WEBHOOK_BACKOFF_ENV} (the waits between webhook attempts,
   * comma-separated, e.g. {@code 5s,5m,30m}; after the last one a message is given up) and {@value
   * #WEBHOOK_LEASE_ENV} (how long a claim on a message lasts).
   */
  public static TeamMode fromEnvironment(Map<String, String> env) {
    TeamMode mode = defaults();
    String lifetime = env.get(LINK_LIFETIME_ENV);
    if (lifetime != null && !lifetime.isBlank()) {
      mode =
          new TeamMode(
              mode.deviceCode,
              Durations.parse(LINK_LIFETIME_ENV, lifetime),
              mode.webhookInterval,
              mode.webhookBackoff,
              mode.webhookLease);
    }
    String backoff = env.get(WEBHOOK_BACKOFF_ENV);
    if (backoff != null && !backoff.isBlank()) {
      List<Duration> waits = new ArrayList<>();
      for (String wait : backoff.split(",", -1)) {
        waits.add(Durations.parse(WEBHOOK_BACKOFF_ENV, wait));
      }
      mode = mode.withWebhookBackoff(waits);
    }
    String lease = env.get(WEBHOOK_LEASE_ENV);
    if (lease != null && !lease.isBlank()) {
      mode =
          new TeamMode(
              mode.deviceCode,
              mode.connectLinkLifetime,
              mode.webhookInterval,
              mode.webhookBackoff,
              Durations.parse(WEBHOOK_LEASE_ENV, lease));
    }
    return mode;
  }

  public TeamMode withDeviceCode(boolean value) {
    return new TeamMode(value, connectLinkLifetime, webhookInterval, webhookBackoff, webhookLease);
  }

  public TeamMode withWebhookBackoff(List<Duration> value) {
    return new TeamMode(deviceCode, connectLinkLifetime, webhookInterval, value, webhookLease);
  }
}
