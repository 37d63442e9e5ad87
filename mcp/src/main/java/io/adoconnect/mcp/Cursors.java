package io.adoconnect.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.adoconnect.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque paging cursors: the offset of the next page, bound by an HMAC (key random per server) to
 * the tool and the exact arguments of the call that produced it. A cursor that was edited, made up,
 * or replayed with other arguments (another repository, another query) is refused, so a cursor
 * can't become a way around the sources-only confinement or a way to read past a bound.
 */
final class Cursors {
  private static final int MAC_BYTES = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;
  private final ObjectMapper mapper;

  Cursors(SecureRandom random, ObjectMapper mapper) {
    this.key = new byte[32];
    random.nextBytes(key);
    // Nested maps (a fields object) in key order too, so the same arguments always MAC the same.
    this.mapper = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /**
   * The cursor for the page starting at {@code offset} of {@code tool} called with {@code args}.
   */
  String cursor(String tool, Map<String, Object> args, int offset) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + MAC_BYTES);
    buffer.putInt(offset).put(mac(tool, args, offset));
    return ENCODER.encodeToString(buffer.array());
  }

  /** The offset {@code cursor} stands for; refused unless this server made it for this call. */
  int offset(String tool, Map<String, Object> args, String cursor) {
    byte[] raw;
    try {
      raw = DECODER.decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (raw.length != 4 + MAC_BYTES) {
      throw invalid();
    }
    ByteBuffer buffer = ByteBuffer.wrap(raw);
    int offset = buffer.getInt();
    byte[] given = new byte[MAC_BYTES];
    buffer.get(given);
    if (offset < 0 || !MessageDigest.isEqual(given, mac(tool, args, offset))) {
      throw invalid();
    }
    return offset;
  }

  private byte[] mac(String tool, Map<String, Object> args, int offset) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(tool.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(mapper.writeValueAsBytes(args));
      mac.update((byte) 0);
      mac.update(ByteBuffer.allocate(4).putInt(offset).array());
      byte[] full = mac.doFinal();
      byte[] cut = new byte[MAC_BYTES];
      System.arraycopy(full, 0, cut, 0, MAC_BYTES);
      return cut;
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new IllegalStateException("Cursor MAC failed", e);
    }
  }

  private static InvalidInputException invalid() {
    return new InvalidInputException(
        "The cursor was not issued by this server for this call with these arguments.",
        "Call the tool again without a cursor, then pass the nextCursor it returns, unchanged, with the same arguments.");
  }
}
