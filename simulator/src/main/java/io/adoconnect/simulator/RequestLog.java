package io.adoconnect.simulator;

import io.adoconnect.simulator.http.Request;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Counts and records every request, safe under concurrent requests. */
final class RequestLog {

  private final LongAdder total = new LongAdder();
  private final Map<String, LongAdder> perPath = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

  void record(Request request) {
    total.increment();
    perPath.computeIfAbsent(request.decodedPath(), path -> new LongAdder()).increment();
    requests.add(
        new RecordedRequest(
            request.method(),
            request.decodedPath(),
            request.rawQuery(),
            withoutCredentials(request.headers())));
  }

  long count() {
    return total.sum();
  }

  long count(String path) {
    LongAdder adder = perPath.get(path);
    return adder == null ? 0 : adder.sum();
  }

  Map<String, Long> counts() {
    return perPath.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().sum()));
  }

  List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  void reset() {
    total.reset();
    perPath.clear();
    requests.clear();
  }

  private static Map<String, List<String>> withoutCredentials(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    List<String> authorization = copy.get("Authorization");
    if (authorization != null) {
      copy.put(
          "Authorization",
          authorization.stream().map(value -> value.trim().split("\\s+", 2)[0]).toList());
    }
    return Collections.unmodifiableMap(copy);
  }
}
