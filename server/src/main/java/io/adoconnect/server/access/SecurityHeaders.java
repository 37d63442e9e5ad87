package io.adoconnect.server.access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer of the service carries, whether Javalin or Jetty (for a request it can't
 * parse) writes it: nothing cached, the strict CSP, no sniffing, no referrer, no framing.
 */
public final class SecurityHeaders {
  public static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self';"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Name → value, in the order they are sent. */
  public static final Map<String, String> ALL;

  static {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Cache-Control", "no-store");
    all.put("Pragma", "no-cache");
    all.put("Content-Security-Policy", CSP);
    all.put("X-Content-Type-Options", "nosniff");
    all.put("Referrer-Policy", "no-referrer");
    all.put("X-Frame-Options", "DENY");
    all.put("Cross-Origin-Opener-Policy", "same-origin");
    all.put("Cross-Origin-Resource-Policy", "same-origin");
    ALL = java.util.Collections.unmodifiableMap(all);
  }

  private SecurityHeaders() {}
}
