package io.adoconnect.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds Azure DevOps URLs from a base and path segments. Project and repository names carry
 * spaces, dots and non-ASCII letters, so each segment is percent-encoded as UTF-8 (RFC 3986).
 */
public final class Urls {
  private final String base;
  private final StringBuilder path = new StringBuilder();
  private final Map<String, String> query = new LinkedHashMap<>();

  private Urls(URI base) {
    String text = base.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  public static Urls at(URI base) {
    return new Urls(base);
  }

  /** Appends one path segment, encoded; a dot segment or one with {@code / \ ? #} is refused. */
  public Urls segment(String segment) {
    path.append('/').append(encodeSegment(segment));
    return this;
  }

  /** Appends literal path text such as {@code _apis/git/repositories}, not encoded. */
  public Urls path(String literal) {
    path.append('/').append(literal);
    return this;
  }

  public Urls query(String name, Object value) {
    if (value != null) {
      query.put(name, value.toString());
    }
    return this;
  }

  /** An independent builder with the same base, path and query so far. */
  public Urls copy() {
    Urls copy = new Urls(URI.create(base));
    copy.path.append(path);
    copy.query.putAll(query);
    return copy;
  }

  public URI build() {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((k, v) -> q.add(encode(k, true) + "=" + encode(v, true)));
    return URI.create(base + path + q);
  }

  /** One path segment, percent-encoded; see {@link Names#checkSegment}. */
  public static String encodeSegment(String segment) {
    return encode(Names.checkSegment(segment, "name"), false);
  }

  static String encode(String text, boolean queryPart) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || (queryPart && c == '$');
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
