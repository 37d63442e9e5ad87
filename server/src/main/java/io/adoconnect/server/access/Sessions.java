package io.adoconnect.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions opened by a login ticket: a random id in an HttpOnly, SameSite=Strict cookie,
 * and a CSRF token the page sends back in {@code X-CSRF-Token} on every state-changing request. In
 * memory: a restart logs the browser out (get a new login link). Only hashes of ids are kept.
 */
public final class Sessions {
  public static final String COOKIE = "ado_session";
  public static final Duration LIFETIME = Duration.ofHours(12);

  private final Clock clock;
  private final Map<String, Session> byHash = new ConcurrentHashMap<>();

  public Sessions(Clock clock) {
    this.clock = clock;
  }

  /** A browser session: its cookie value is only known to the browser. */
  public record Session(String idHash, String csrfToken, Instant expiresAt) {
    @Override
    public String toString() {
      return "Session[" + expiresAt + "]";
    }
  }

  /** A new session; returns the cookie value (the session id) and the session. */
  public Opened open() {
    Instant now = clock.instant();
    byHash.values().removeIf(s -> !now.isBefore(s.expiresAt()));
    String id = Randoms.token(32);
    Session session = new Session(hash(id), Randoms.token(32), now.plus(LIFETIME));
    byHash.put(session.idHash(), session);
    return new Opened(id, session);
  }

  public record Opened(String cookieValue, Session session) {
    @Override
    public String toString() {
      return "Opened[****]";
    }
  }

  public Optional<Session> find(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 200) {
      return Optional.empty();
    }
    Session session = byHash.get(hash(cookieValue));
    if (session == null || !clock.instant().isBefore(session.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(session);
  }

  public void close(Session session) {
    byHash.remove(session.idHash());
  }

  /** The Set-Cookie header value for a session id. */
  public static String cookie(String value, boolean secure) {
    return COOKIE
        + "="
        + value
        + "; Path=/; Max-Age="
        + LIFETIME.toSeconds()
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  public static String expiredCookie() {
    return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
  }

  private static String hash(String id) {
    return HexFormat.of().formatHex(Randoms.sha256(id));
  }
}
