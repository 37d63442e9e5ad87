package io.adoconnect.vault;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DataKeys} in memory, with the store's rule that a retiring master key seals nothing new.
 */
final class MemoryDataKeys implements DataKeys {
  final Map<String, SealedDataKey> rows = new ConcurrentHashMap<>();
  final Set<Long> retiring = ConcurrentHashMap.newKeySet();

  @Override
  public Optional<SealedDataKey> find(String holder) {
    return Optional.ofNullable(rows.get(holder));
  }

  @Override
  public synchronized Optional<SealedDataKey> addIfAbsent(String holder, SealedDataKey key) {
    if (retiring.contains(key.masterKeyId())) {
      return Optional.empty();
    }
    return Optional.of(rows.computeIfAbsent(holder, h -> key));
  }

  Set<Long> masterKeyIds() {
    Set<Long> ids = new HashSet<>();
    rows.values().forEach(k -> ids.add(k.masterKeyId()));
    return ids;
  }
}
