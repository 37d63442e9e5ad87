package io.adoconnect.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Response compression, as Azure DevOps does when a client sends {@code Accept-Encoding: gzip}.
 * Bodies are compressed once per byte array: the large org-level listings are cached arrays, so a
 * benchmark pays for compressing each only once, like it pays for building its JSON once.
 */
final class Gzip {
  /** Small answers aren't worth it (Azure DevOps also leaves small bodies uncompressed). */
  static final int MIN_BYTES = 1024;

  // Arrays hash and compare by identity, so this is a cache per cached body instance.
  private static final Map<byte[], byte[]> COMPRESSED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private Gzip() {}

  static byte[] compress(byte[] body) {
    return COMPRESSED.computeIfAbsent(body, Gzip::deflate);
  }

  private static byte[] deflate(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
