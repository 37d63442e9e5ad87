package io.adoconnect.hooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service hook subscription as Azure DevOps returns it. Confidential consumer inputs come back
 * masked ({@code ********}); should a server ever echo the basic-auth password, the record masks it
 * anyway, so it can't reach a listing or a log.
 *
 * @param status {@code enabled}, {@code onProbation}, {@code disabledBySystem}, {@code
 *     disabledByUser} or {@code disabledByInactiveIdentity}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HookSubscription(
    String id,
    String url,
    String status,
    String publisherId,
    String eventType,
    String resourceVersion,
    String consumerId,
    String consumerActionId,
    Map<String, String> publisherInputs,
    Map<String, String> consumerInputs,
    String createdDate) {

  static final String MASK = "********";

  public HookSubscription {
    publisherInputs =
        publisherInputs == null ? Map.of() : Map.copyOf(withoutNulls(publisherInputs));
    Map<String, String> consumer = new LinkedHashMap<>(withoutNulls(consumerInputs));
    consumer.computeIfPresent("basicAuthPassword", (k, v) -> MASK);
    consumerInputs = Map.copyOf(consumer);
  }

  private static Map<String, String> withoutNulls(Map<String, String> inputs) {
    Map<String, String> copy = new LinkedHashMap<>();
    if (inputs != null) {
      inputs.forEach((k, v) -> copy.put(k, v == null ? "" : v));
    }
    return copy;
  }
}
