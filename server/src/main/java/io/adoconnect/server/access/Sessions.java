package io.adoconnect.server.access;

import io.adoconnect.store.Owner;
import io.adoconnect.store.PageAccessStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Browser sessions opened by a login ticket. A session is two secrets that only work together:
 *
 * <ul>
 *   <li>a random id in an HttpOnly, SameSite=Strict cookie ({@value #COOKIE}), which script can't
 *       read — but which browsers send to <em>every</em> port of the host (cookies are not isolated
 *       by port), so another program listening on 127.0.0.1 may receive it;
 *   <li>a per-tab secret, handed to the page once, in the answer to the login exchange, and sent
 *       back by the page in {@value #TAB_HEADER} on every call. The page keeps it in the tab's own
 *       memory and {@code sessionStorage}, which browsers isolate by origin (scheme, host <em>and
 *       port</em>), so a stolen cookie alone opens nothing.
 * </ul>
 *
 * A login link opened in another tab of the same browser adds a tab secret to the browser's session
 * (up to {@value #MAX_TABS}; the oldest goes first). Kept in the database ({@link
 * PageAccessStore}), only as hashes of ids and secrets: a signed-in page keeps working when the
 * instance restarts, or when a load balancer sends its next call to another instance.
 */
public final class Sessions {
  public static final String COOKIE = "ado_session";
  public static final String TAB_HEADER = "X-Tab-Secret";
  public static final Duration LIFETIME = Duration.ofHours(12);
  static final int MAX_TABS = 20;

  private final PageAccessStore store;
  private final Clock clock;

  public Sessions(PageAccessStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A browser session: its cookie value and tab secrets are only known to the browser. */
  public record Session(String idHash, Instant expiresAt, Owner owner) {
    @Override
    public String toString() {
      return "Session[" + expiresAt + "]";
    }
  }

  /**
   * A login exchange: a new tab secret in the browser's live session (the one its cookie names), or
   * a new session when it has none. {@code cookieValue} of the result is null when the cookie stays
   * as it is.
   */
  public Opened open(String presentedCookie) {
    return open(presentedCookie, Owner.LOCAL);
  }

  /**
   * A login exchange for {@code owner}: the browser's live session gets a new tab only when it is
   * the same owner's; a connect link for another end user opens a new session (the cookie then
   * names it), so one session never spans two owners.
   */
  public Opened open(String presentedCookie, Owner owner) {
    Instant now = clock.instant();
    String tab = Randoms.token(32);
    Optional<Session> live = lookup(presentedCookie).filter(s -> s.owner().equals(owner));
    if (live.isPresent()) {
      store.addTab(live.get().idHash(), hash(tab), now, MAX_TABS);
      return new Opened(null, tab, live.get());
    }
    String id = Randoms.token(32);
    Session session = new Session(hash(id), now.plus(LIFETIME), owner);
    store.openSession(
        new PageAccessStore.StoredSession(session.idHash(), owner, session.expiresAt()),
        hash(tab),
        now);
    return new Opened(id, tab, session);
  }

  /** What a login exchange hands out: the cookie value (null: unchanged) and the tab secret. */
  public record Opened(String cookieValue, String tabSecret, Session session) {
    @Override
    public String toString() {
      return "Opened[****]";
    }
  }

  /** The live session of this cookie, if this tab secret belongs to it. */
  public Optional<Session> find(String cookieValue, String tabSecret) {
    if (tabSecret == null || tabSecret.isEmpty() || tabSecret.length() > 200) {
      return Optional.empty();
    }
    return lookup(cookieValue)
        .filter(s -> store.hasTab(s.idHash(), hash(tabSecret), clock.instant()));
  }

  /**
   * The owner of the live session this cookie names, without a tab secret: only for a top-level
   * navigation (the MCP sign-in's {@code /oauth/authorize}), which can't carry the tab's header and
   * opens nothing by itself.
   */
  public Optional<Owner> ownerOf(String cookieValue) {
    return lookup(cookieValue).map(Session::owner);
  }

  /** Whether the cookie names a live session (with or without a tab secret). */
  public boolean isLive(String cookieValue) {
    return lookup(cookieValue).isPresent();
  }

  private Optional<Session> lookup(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 200) {
      return Optional.empty();
    }
    return store
        .findSession(hash(cookieValue), clock.instant())
        .map(s -> new Session(s.idHash(), s.expiresAt(), s.owner()));
  }

  public void close(Session session) {
    store.closeSession(session.idHash());
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
