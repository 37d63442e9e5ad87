package io.adoconnect.simulator.release;

import io.adoconnect.simulator.data.Collection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Releases in memory, per collection, and the clock their stages run by: the simulator's clock plus
 * an offset tests move with {@link #advance}, so no test has to sleep for a deployment.
 * Thread-safe.
 */
public final class ReleaseStore {
  private final Duration stage;
  private final Clock clock;
  private final AtomicLong offsetMillis = new AtomicLong();
  private final Map<String, List<Release>> byCollection = new ConcurrentHashMap<>();
  private final Map<String, List<ReleaseDefinition>> definitions = new ConcurrentHashMap<>();

  /** {@code stage}: how long each stage of a release runs. */
  public ReleaseStore(Duration stage, Clock clock) {
    this.stage = stage;
    this.clock = clock;
  }

  /** The simulator's time for releases. */
  Instant now() {
    return clock.instant().plusMillis(offsetMillis.get());
  }

  /** Moves the release clock forward by {@code duration}. */
  public void advance(Duration duration) {
    offsetMillis.addAndGet(duration.toMillis());
  }

  /** Finishes every stage of every release created so far. */
  public void completeAll() {
    Instant now = now();
    for (List<Release> releases : byCollection.values()) {
      synchronized (releases) {
        releases.replaceAll(r -> r.completedBy(now));
      }
    }
  }

  List<ReleaseDefinition> definitions(Collection collection) {
    return definitions.computeIfAbsent(collection.name(), n -> ReleaseDefinition.of(collection));
  }

  /** Creates a release of {@code definition}; its first stage starts now. */
  Release create(Collection collection, ReleaseDefinition definition, ReleaseInput input) {
    List<Release> releases = releases(collection);
    synchronized (releases) {
      int id = releases.size() + 1;
      long sameDefinition =
          releases.stream().filter(r -> r.definition().id() == definition.id()).count();
      Instant now = now();
      Release release =
          new Release(
              id,
              "Release-" + (sameDefinition + 1),
              definition,
              input.description(),
              input.artifactVersion(),
              input.variables(),
              input.user(),
              now,
              now,
              stage);
      releases.add(release);
      return release;
    }
  }

  Optional<Release> get(Collection collection, int id) {
    List<Release> releases = releases(collection);
    synchronized (releases) {
      return id >= 1 && id <= releases.size()
          ? Optional.of(releases.get(id - 1))
          : Optional.empty();
    }
  }

  /** The releases of {@code collection}, newest first. */
  List<Release> newestFirst(Collection collection) {
    List<Release> releases = releases(collection);
    List<Release> copy;
    synchronized (releases) {
      copy = new ArrayList<>(releases);
    }
    Collections.reverse(copy);
    return copy;
  }

  private List<Release> releases(Collection collection) {
    return byCollection.computeIfAbsent(collection.name(), n -> new ArrayList<>());
  }
}
