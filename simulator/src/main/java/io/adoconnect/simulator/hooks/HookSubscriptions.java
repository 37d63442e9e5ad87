package io.adoconnect.simulator.hooks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The subscriptions of every organization and collection, in memory; thread-safe. */
public final class HookSubscriptions {
  private final Map<UUID, HookSubscription> byId = new ConcurrentHashMap<>();

  void add(HookSubscription subscription) {
    byId.put(subscription.id(), subscription);
  }

  Optional<HookSubscription> find(String collection, UUID id) {
    return Optional.ofNullable(byId.get(id))
        .filter(s -> s.collection().equalsIgnoreCase(collection));
  }

  boolean remove(String collection, UUID id) {
    return find(collection, id).map(s -> byId.remove(id) != null).orElse(false);
  }

  void disable(UUID id) {
    byId.computeIfPresent(id, (key, s) -> s.withStatus("disabledBySystem"));
  }

  /** Every subscription, oldest first. */
  public List<HookSubscription> all() {
    List<HookSubscription> all = new ArrayList<>(byId.values());
    all.sort(
        Comparator.comparing(HookSubscription::createdDate).thenComparing(HookSubscription::id));
    return all;
  }

  List<HookSubscription> of(String collection) {
    return all().stream().filter(s -> s.collection().equalsIgnoreCase(collection)).toList();
  }
}
