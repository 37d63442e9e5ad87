package io.adoconnect.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The integrations page's one-time login tickets and browser sessions ({@code login_tickets},
 * {@code page_sessions}, {@code page_session_tabs}): the deployment's, not one owner's, so reached
 * through {@link Store#pageAccess()} of any store over the database. Every value is a SHA-256 hash
 * (hex) made by the caller; each method is one transaction, and what must happen once (redeeming a
 * ticket) is decided by one conditional DELETE, so two instances on one database can't both win.
 */
public final class PageAccessStore {
  private final ApplicationStore.Transactions transactions;

  PageAccessStore(ApplicationStore.Transactions transactions) {
    this.transactions = transactions;
  }

  /** A browser session as stored: whose page it opens and until when. */
  public record StoredSession(String idHash, Owner owner, Instant expiresAt) {}

  /** Keeps a new ticket, first deleting the tickets that expired before {@code now}. */
  public void addTicket(String ticketHash, Owner owner, Instant expiresAt, Instant now) {
    Require.text(ticketHash, "The ticket hash");
    Require.present(owner, "The owner");
    in(
        handle -> {
          handle
              .createUpdate("DELETE FROM login_tickets WHERE expires_at <= :now")
              .bind("now", Millis.of(now))
              .execute();
          handle
              .createUpdate(
                  "INSERT INTO login_tickets (ticket_hash, owner, expires_at)"
                      + " VALUES (:hash, :owner, :expiresAt)")
              .bind("hash", ticketHash)
              .bind("owner", owner.key())
              .bind("expiresAt", Millis.of(expiresAt))
              .execute();
          return null;
        });
  }

  /**
   * Uses the ticket up: its owner, once, while it has not expired; empty for an unknown, used or
   * expired ticket. Of two instances redeeming one ticket at once, one gets the owner.
   */
  public Optional<Owner> redeemTicket(String ticketHash, Instant now) {
    return in(
        handle -> {
          Optional<String> owner = openTicketOwner(handle, ticketHash, now);
          int deleted =
              handle
                  .createUpdate("DELETE FROM login_tickets WHERE ticket_hash = :hash")
                  .bind("hash", ticketHash)
                  .execute();
          return deleted == 1 ? owner.map(Owner::ofKey) : Optional.<Owner>empty();
        });
  }

  /** Whether the ticket would still work, without using it. */
  public boolean isTicketOpen(String ticketHash, Instant now) {
    return in(handle -> openTicketOwner(handle, ticketHash, now).isPresent());
  }

  private static Optional<String> openTicketOwner(Handle handle, String ticketHash, Instant now) {
    return handle
        .createQuery(
            "SELECT owner FROM login_tickets WHERE ticket_hash = :hash AND expires_at > :now")
        .bind("hash", ticketHash)
        .bind("now", Millis.of(now))
        .mapTo(String.class)
        .findOne();
  }

  /** Keeps a new session with its first tab, first deleting the sessions expired before now. */
  public void openSession(StoredSession session, String tabHash, Instant now) {
    Require.present(session, "The session");
    in(
        handle -> {
          handle
              .createUpdate(
                  "DELETE FROM page_session_tabs WHERE session_hash IN"
                      + " (SELECT id_hash FROM page_sessions WHERE expires_at <= :now)")
              .bind("now", Millis.of(now))
              .execute();
          handle
              .createUpdate("DELETE FROM page_sessions WHERE expires_at <= :now")
              .bind("now", Millis.of(now))
              .execute();
          handle
              .createUpdate(
                  "INSERT INTO page_sessions (id_hash, owner, expires_at)"
                      + " VALUES (:hash, :owner, :expiresAt)")
              .bind("hash", session.idHash())
              .bind("owner", session.owner().key())
              .bind("expiresAt", Millis.of(session.expiresAt()))
              .execute();
          insertTab(handle, session.idHash(), tabHash, now, Integer.MAX_VALUE);
          return null;
        });
  }

  /** Adds a tab secret to a session, keeping only the newest {@code maxTabs}. */
  public void addTab(String idHash, String tabHash, Instant now, int maxTabs) {
    in(
        handle -> {
          insertTab(handle, idHash, tabHash, now, maxTabs);
          return null;
        });
  }

  private static void insertTab(
      Handle handle, String idHash, String tabHash, Instant now, int maxTabs) {
    int seq =
        handle
            .createQuery(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM page_session_tabs WHERE session_hash = :s")
            .bind("s", idHash)
            .mapTo(Integer.class)
            .one();
    handle
        .createUpdate(
            "INSERT INTO page_session_tabs (session_hash, tab_hash, added_at, seq)"
                + " VALUES (:s, :tab, :at, :seq)")
        .bind("s", idHash)
        .bind("tab", tabHash)
        .bind("at", Millis.of(now))
        .bind("seq", seq)
        .execute();
    handle
        .createUpdate("DELETE FROM page_session_tabs WHERE session_hash = :s AND seq <= :oldest")
        .bind("s", idHash)
        .bind("oldest", seq - Math.min(maxTabs, seq))
        .execute();
  }

  /** The session of this id hash, while it has not expired. */
  public Optional<StoredSession> findSession(String idHash, Instant now) {
    return in(
        handle ->
            handle
                .createQuery(
                    "SELECT owner, expires_at FROM page_sessions"
                        + " WHERE id_hash = :hash AND expires_at > :now")
                .bind("hash", idHash)
                .bind("now", Millis.of(now))
                .map(
                    (rs, ctx) ->
                        new StoredSession(
                            idHash,
                            Owner.ofKey(rs.getString("owner")),
                            Millis.read(rs, "expires_at")))
                .findOne());
  }

  /** Whether the live session of this id hash has this tab. */
  public boolean hasTab(String idHash, String tabHash, Instant now) {
    return in(
        handle ->
            handle
                    .createQuery(
                        "SELECT COUNT(*) FROM page_session_tabs t JOIN page_sessions s"
                            + " ON s.id_hash = t.session_hash WHERE t.session_hash = :hash"
                            + " AND t.tab_hash = :tab AND s.expires_at > :now")
                    .bind("hash", idHash)
                    .bind("tab", tabHash)
                    .bind("now", Millis.of(now))
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** Ends a session (logout): its tabs go with it. */
  public void closeSession(String idHash) {
    in(
        handle -> {
          handle
              .createUpdate("DELETE FROM page_session_tabs WHERE session_hash = :hash")
              .bind("hash", idHash)
              .execute();
          handle
              .createUpdate("DELETE FROM page_sessions WHERE id_hash = :hash")
              .bind("hash", idHash)
              .execute();
          return null;
        });
  }

  private <T> T in(HandleCallback<T, RuntimeException> work) {
    return transactions.in(work);
  }
}
