package io.adoconnect.simulator.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of single path segments (UTF-8), as used in Azure DevOps URLs. */
public final class PathCodec {

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathCodec() {}

  /** Encodes a segment: spaces become {@code %20}, non-ASCII becomes UTF-8 escapes. */
  public static String encodeSegment(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /** Decodes percent escapes; unlike form decoding, {@code +} stays a plus sign. */
  public static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < raw.length()) {
      if (raw.charAt(i) == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int codePoint = raw.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int index) {
    return index < s.length() && Character.digit(s.charAt(index), 16) >= 0;
  }
}
