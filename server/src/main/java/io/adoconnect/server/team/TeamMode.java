package io.adoconnect.server.team;

import io.adoconnect.connect.WebhookDeliveries;
import java.time.Duration;
import java.util.List;

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
 */
public record TeamMode(
    boolean deviceCode,
    Duration connectLinkLifetime,
    Duration webhookInterval,
    List<Duration> webhookBackoff) {
  public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofMinutes(10);

  public TeamMode {
    if (connectLinkLifetime == null
        || connectLinkLifetime.isNegative()
        || connectLinkLifetime.isZero()
        || connectLinkLifetime.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("a connect link lives between 1 s and 1 hour");
    }
    webhookBackoff = List.copyOf(webhookBackoff);
  }

  /** Team mode with device code sign-in off and 10-minute connect links. */
  public static TeamMode defaults() {
    return new TeamMode(
        false, DEFAULT_LINK_LIFETIME, Duration.ofSeconds(1), WebhookDeliveries.BACKOFF);
  }

  public TeamMode withDeviceCode(boolean value) {
    return new TeamMode(value, connectLinkLifetime, webhookInterval, webhookBackoff);
  }

  public TeamMode withWebhookBackoff(List<Duration> value) {
    return new TeamMode(deviceCode, connectLinkLifetime, webhookInterval, value);
  }
}
