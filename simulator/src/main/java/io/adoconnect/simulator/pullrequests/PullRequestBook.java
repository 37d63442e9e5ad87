package io.adoconnect.simulator.pullrequests;

import io.adoconnect.simulator.data.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every pull request, per organization or collection (ids are numbered per collection, as Azure
 * DevOps does), and the thread ids. All reads and changes go through {@link #locked}.
 */
final class PullRequestBook {
  private final Map<String, List<PullRequestState>> byCollection = new HashMap<>();
  private int nextThreadId = 1;

  /** Runs {@code work} holding the book's lock. */
  synchronized <T> T locked(Function<PullRequestBook, T> work) {
    return work.apply(this);
  }

  List<PullRequestState> all(Collection collection) {
    return byCollection.computeIfAbsent(collection.name(), k -> new ArrayList<>());
  }

  Optional<PullRequestState> find(Collection collection, int id) {
    return all(collection).stream().filter(pr -> pr.id == id).findFirst();
  }

  int nextId(Collection collection) {
    return all(collection).size() + 1;
  }

  int nextThreadId() {
    return nextThreadId++;
  }
}
