package io.adoconnect.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The integrations page's one-time login tickets, browser sessions and pending web sign-ins ({@code
 * login_tickets}, {@code page_sessions}, {@code page_session_tabs}, {@code web_sign_ins}): the
 * deployment's, not one owner's, so reached through {@link Store#pageAccess()} of any store over
 * the database. Every value is a SHA-256 hash (hex) made by the caller; each method is one
 * transaction, and what must happen once (redeeming a ticket) is decided by one conditional DELETE,
 * so two instances on one database can't both win.
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

  /** Keeps a started web sign-in, first deleting those that expired before {@code now}. */
  public void addWebSignIn(PendingWebSignIn signIn, Instant now) {
    Require.present(signIn, "The web sign-in");
    in(
        handle -> {
          handle
              .createUpdate("DELETE FROM web_sign_ins WHERE expires_at <= :now")
              .bind("now", Millis.of(now))
              .execute();
          handle
              .createUpdate(
                  "INSERT INTO web_sign_ins (state_hash, owner, binding_hash, redirect_uri,"
                      + " return_to, code_verifier, expires_at) VALUES (:state, :owner, :binding,"
                      + " :redirect, :returnTo, :verifier, :expiresAt)")
              .bind("state", signIn.stateHash())
              .bind("owner", signIn.owner().key())
              .bind("binding", signIn.bindingHash())
              .bind("redirect", signIn.redirectUri().toString())
              .bind("returnTo", signIn.returnTo())
              .bind("verifier", Base64.getEncoder().encodeToString(signIn.sealedVerifier()))
              .bind("expiresAt", Millis.of(signIn.expiresAt()))
              .execute();
          return null;
        });
  }

  /**
   * Takes the web sign-in of this state hash, once, when {@code bindingHash} is the one it was
   * started with and it has not expired. Another browser's binding leaves it for its rightful
   * owner; of two instances taking it at once, one gets it.
   */
  public Optional<PendingWebSignIn> takeWebSignIn(
      String stateHash, String bindingHash, Instant now) {
    return in(
        handle -> {
          Optional<PendingWebSignIn> found =
              handle
                  .createQuery(
                      "SELECT owner, binding_hash, redirect_uri, return_to, code_verifier,"
                          + " expires_at FROM web_sign_ins WHERE state_hash = :state")
                  .bind("state", stateHash)
                  .map(
                      (rs, ctx) ->
                          new PendingWebSignIn(
                              stateHash,
                              Owner.ofKey(rs.getString("owner")),
                              rs.getString("binding_hash"),
                              URI.create(rs.getString("redirect_uri")),
                              rs.getString("return_to"),
                              Base64.getDecoder().decode(rs.getString("code_verifier")),
                              Millis.read(rs, "expires_at")))
                  .findOne();
          if (found.isEmpty()
              || bindingHash == null
              || !MessageDigest.isEqual(
                  found.get().bindingHash().getBytes(StandardCharsets.US_ASCII),
                  bindingHash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.<PendingWebSignIn>empty();
          }
          int deleted =
              handle
                  .createUpdate("DELETE FROM web_sign_ins WHERE state_hash = :state")
                  .bind("state", stateHash)
                  .execute();
          return deleted == 1 && now.isBefore(found.get().expiresAt())
              ? found
              : Optional.<PendingWebSignIn>empty();
        });
  }

  private <T> T in(HandleCallback<T, RuntimeException> work) {
    return transactions.in(work);
  }
}
