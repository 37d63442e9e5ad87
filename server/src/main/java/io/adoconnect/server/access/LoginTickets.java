package io.adoconnect.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time login tickets for the browser: the page at {@code /login?ticket=…} trades one for a
 * session ({@code POST /api/session}, see {@link Sessions}). A ticket works once and for 60 s, so
 * the link that lands in browser history or a terminal scroll-back is worthless afterwards — unlike
 * the API token, which never goes in a URL. Only hashes of tickets are kept.
 */
public final class LoginTickets {
  public static final Duration LIFETIME = Duration.ofSeconds(60);
  private static final int MAX_OPEN = 100;

  private final Clock clock;
  private final Map<String, Instant> open = new ConcurrentHashMap<>();

  public LoginTickets(Clock clock) {
    this.clock = clock;
  }

  /** A new ticket, valid for {@link #LIFETIME}. */
  public Issued issue() {
    purge();
    String ticket = Randoms.token(32);
    Instant expiresAt = clock.instant().plus(LIFETIME);
    open.put(key(ticket), expiresAt);
    return new Issued(ticket, expiresAt);
  }

  /** Consumes the ticket: true once, when it was issued here and has not expired. */
  public boolean redeem(String ticket) {
    if (ticket == null || ticket.isEmpty() || ticket.length() > 200) {
      return false;
    }
    Instant expiresAt = open.remove(key(ticket));
    return expiresAt != null && clock.instant().isBefore(expiresAt);
  }

  /**
   * Whether the ticket would still work, without using it: {@code GET /login} shows the page (which
   * then redeems it) or says the link is spent, and a link preview that fetches the URL uses
   * nothing up.
   */
  public boolean isOpen(String ticket) {
    if (ticket == null || ticket.isEmpty() || ticket.length() > 200) {
      return false;
    }
    Instant expiresAt = open.get(key(ticket));
    return expiresAt != null && clock.instant().isBefore(expiresAt);
  }

  private void purge() {
    Instant now = clock.instant();
    open.values().removeIf(expiry -> !now.isBefore(expiry));
    if (open.size() >= MAX_OPEN) {
      Iterator<String> oldest = open.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  private static String key(String ticket) {
    return java.util.HexFormat.of().formatHex(Randoms.sha256(ticket));
  }

  /** A ticket and when it stops working. */
  public record Issued(String ticket, Instant expiresAt) {
    @Override
    public String toString() {
      return "Issued[****, " + expiresAt + "]";
    }
  }
}
