package io.adoconnect.server.access;

import io.adoconnect.store.Owner;
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
  private static final int MAX_OPEN = 10_000;

  private final Clock clock;
  private final Map<String, Open> open = new ConcurrentHashMap<>();

  /** A ticket not used yet: until when, and for whom. */
  private record Open(Instant expiresAt, Owner owner) {}

  public LoginTickets(Clock clock) {
    this.clock = clock;
  }

  /** A new ticket for the local owner, valid for {@link #LIFETIME}. */
  public Issued issue() {
    return issue(Owner.LOCAL, LIFETIME);
  }

  /** A new ticket for {@code owner} (a team mode connect link), valid for {@code lifetime}. */
  public Issued issue(Owner owner, Duration lifetime) {
    purge();
    String ticket = Randoms.token(32);
    Instant expiresAt = clock.instant().plus(lifetime);
    open.put(key(ticket), new Open(expiresAt, owner));
    return new Issued(ticket, expiresAt);
  }

  /** Consumes the ticket: true once, when it was issued here and has not expired. */
  public boolean redeem(String ticket) {
    return redeemFor(ticket).isPresent();
  }

  /**
   * Consumes the ticket: its owner once, when it was issued here and has not expired; empty
   * otherwise (used, expired or never issued alike).
   */
  public java.util.Optional<Owner> redeemFor(String ticket) {
    if (ticket == null || ticket.isEmpty() || ticket.length() > 200) {
      return java.util.Optional.empty();
    }
    Open found = open.remove(key(ticket));
    return found != null && clock.instant().isBefore(found.expiresAt())
        ? java.util.Optional.of(found.owner())
        : java.util.Optional.empty();
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
    Open found = open.get(key(ticket));
    return found != null && clock.instant().isBefore(found.expiresAt());
  }

  private void purge() {
    Instant now = clock.instant();
    open.values().removeIf(ticket -> !now.isBefore(ticket.expiresAt()));
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
