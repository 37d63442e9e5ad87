package io.adoconnect.simulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;

/**
 * Where areas report what happened (a push, a pull request created or updated, a build completed),
 * so service-hook subscriptions to that event type get a delivery.
 */
@FunctionalInterface
public interface ServiceEvents {
  ServiceEvents NONE = (eventType, collection, projectId, resource) -> {};

  /**
   * @param eventType e.g. {@code git.push}, {@code git.pullrequest.created}, {@code build.complete}
   * @param projectId the project the event happened in (subscriptions filter on it)
   * @param resource the event's {@code resource}, as the area's own API would return it
   */
  void publish(String eventType, Collection collection, String projectId, JsonNode resource);
}
