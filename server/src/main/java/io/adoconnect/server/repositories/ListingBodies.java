package io.adoconnect.server.repositories;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NDJSON answers made of kept repository listings, as bytes, per owner and scope, under the
 * listing's version: a second {@code GET /api/repositories} with nothing changed writes them out
 * instead of reading and serialising 20,000 repositories again (scripts/bench service-hot). A
 * listing that changes (a fresh one, a repository event, the age rule) gets another version, so a
 * stale answer is never served, also when another service instance changed the store. Bounded by
 * total size, least recently used first out.
 */
final class ListingBodies {
  private record Body(String version, byte[] bytes) {}

  private final long maxBytes;
  private final Map<String, Body> bodies = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  ListingBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The answer kept for {@code key} if it was made of {@code version}. */
  synchronized byte[] get(String key, String version) {
    Body body = bodies.get(key);
    return body != null && body.version().equals(version) ? body.bytes() : null;
  }

  synchronized void put(String key, String version, byte[] answer) {
    if (answer.length > maxBytes) {
      return;
    }
    Body old = bodies.put(key, new Body(version, answer));
    bytes += answer.length - (old == null ? 0 : old.bytes().length);
    Iterator<Body> eldest = bodies.values().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      bytes -= eldest.next().bytes().length;
      eldest.remove();
    }
  }
}
