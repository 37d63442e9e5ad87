package io.adoconnect.simulator.hooks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One subscription as created, with its inputs unmasked (the simulator must know the password to
 * send it; only the wire view masks it).
 *
 * @param collection name of the organization or collection it was created in
 * @param baseUrl the organization's base URL as the creator called it, for {@code url}
 * @param status {@code enabled}, or {@code disabledBySystem} after a consumer answered 410
 */
public record HookSubscription(
    UUID id,
    String collection,
    String baseUrl,
    String publisherId,
    String eventType,
    String resourceVersion,
    String consumerId,
    String consumerActionId,
    Map<String, String> publisherInputs,
    Map<String, String> consumerInputs,
    UUID createdBy,
    Instant createdDate,
    String status) {

  public HookSubscription {
    publisherInputs = Map.copyOf(publisherInputs);
    consumerInputs = Map.copyOf(consumerInputs);
  }

  /** The consumer URL deliveries go to. */
  public String url() {
    return consumerInputs.get("url");
  }

  HookSubscription withStatus(String newStatus) {
    return new HookSubscription(
        id,
        collection,
        baseUrl,
        publisherId,
        eventType,
        resourceVersion,
        consumerId,
        consumerActionId,
        publisherInputs,
        consumerInputs,
        createdBy,
        createdDate,
        newStatus);
  }
}
