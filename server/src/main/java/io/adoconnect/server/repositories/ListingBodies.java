package io.adoconnect.server.repositories;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The NDJSON answers made of kept repository listings, as bytes, per owner and scope, under the
 * listing's version: a second {@code GET /api/repositories} with nothing changed writes them out
 * instead of reading and serialising 20,000 repositories again (scripts/bench service-hot). A
 * listing that changes (a fresh one, a repository event, the age rule) gets another version, so a
 * stale answer is never served, also when another service instance changed the store. Bounded by
 * total size, least recently used first out.
 */
final class ListingBodies {
  /**
   * One answer, also gzipped once (NDJSON of repositories shrinks about 8 times): most of the time
   * of a repeated request was moving 11 MB for 20,000 repositories, not making them.
   */
  record Body(String version, byte[] bytes, byte[] gzipped) {
    static Body of(String version, byte[] bytes) {
      ByteArrayOutputStream packed = new ByteArrayOutputStream(bytes.length / 6 + 64);
      try (GZIPOutputStream gzip = new GZIPOutputStream(packed, 64 * 1024)) {
        gzip.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Body(version, bytes, packed.toByteArray());
    }

    long size() {
      return (long) bytes.length + gzipped.length;
    }
  }

  private final long maxBytes;
  private final Map<String, Body> bodies = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  ListingBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The answer kept for {@code key} if it was made of {@code version}. */
  synchronized Body get(String key, String version) {
    Body body = bodies.get(key);
    return body != null && body.version().equals(version) ? body : null;
  }

  synchronized void put(String key, Body answer) {
    if (answer.size() > maxBytes) {
      return;
    }
    Body old = bodies.put(key, answer);
    bytes += answer.size() - (old == null ? 0 : old.size());
    Iterator<Body> eldest = bodies.values().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      bytes -= eldest.next().size();
      eldest.remove();
    }
  }
}
