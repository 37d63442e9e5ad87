package io.adoconnect.server.access;

import io.adoconnect.store.Owner;
import io.adoconnect.store.PageAccessStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One-time login tickets for the browser: the page at {@code /login?ticket=…} trades one for a
 * session ({@code POST /api/session}, see {@link Sessions}). A ticket works once and for 60 s, so
 * the link that lands in browser history or a terminal scroll-back is worthless afterwards — unlike
 * the API token, which never goes in a URL. Only hashes of tickets are kept, in the database
 * ({@link PageAccessStore}): a restarted instance, or another on the same database, redeems a
 * ticket this one issued, and still only once.
 */
public final class LoginTickets {
  public static final Duration LIFETIME = Duration.ofSeconds(60);

  private final PageAccessStore store;
  private final Clock clock;

  public LoginTickets(PageAccessStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A new ticket for the local owner, valid for {@link #LIFETIME}. */
  public Issued issue() {
    return issue(Owner.LOCAL, LIFETIME);
  }

  /** A new ticket for {@code owner} (a team mode connect link), valid for {@code lifetime}. */
  public Issued issue(Owner owner, Duration lifetime) {
    String ticket = Randoms.token(32);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(lifetime);
    store.addTicket(key(ticket), owner, expiresAt, now);
    return new Issued(ticket, expiresAt);
  }

  /** Consumes the ticket: true once, when it was issued and has not expired. */
  public boolean redeem(String ticket) {
    return redeemFor(ticket).isPresent();
  }

  /**
   * Consumes the ticket: its owner once, when it was issued and has not expired; empty otherwise
   * (used, expired or never issued alike).
   */
  public Optional<Owner> redeemFor(String ticket) {
    if (!plausible(ticket)) {
      return Optional.empty();
    }
    return store.redeemTicket(key(ticket), clock.instant());
  }

  /**
   * Whether the ticket would still work, without using it: {@code GET /login} shows the page (which
   * then redeems it) or says the link is spent, and a link preview that fetches the URL uses
   * nothing up.
   */
  public boolean isOpen(String ticket) {
    return plausible(ticket) && store.isTicketOpen(key(ticket), clock.instant());
  }

  private static boolean plausible(String ticket) {
    return ticket != null && !ticket.isEmpty() && ticket.length() <= 200;
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
