package io.adoconnect.server.oauth;

import io.adoconnect.server.access.Randoms;
import io.adoconnect.store.OAuthPendingAuthorizations;
import io.adoconnect.store.Owner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Authorization requests that passed every check and wait for the operator's answer on the consent
 * page: at most {@value #MAX} at a time, each for {@link #LIFETIME}, answered once. In the database
 * ({@link OAuthPendingAuthorizations}), by the hash of their id: a request started through one
 * instance is answered through another, and a restart keeps it.
 */
final class PendingAuthorizations {
  static final Duration LIFETIME = Duration.ofMinutes(10);
  static final int MAX = 100;

  /** One person's waiting requests: in a team deployment no end user can fill the list alone. */
  static final int MAX_PER_OWNER = 10;

  /**
   * A checked request: the exact redirect URI, the client's state, the S256 challenge, and whose
   * browser asked ({@link Owner#key()}): only that owner sees and answers it.
   */
  record Pending(
      String id,
      String owner,
      String clientId,
      String clientName,
      String redirectUri,
      String state,
      String codeChallenge,
      String resource,
      boolean wantsWrite,
      Instant expiresAt) {}

  private final OAuthPendingAuthorizations store;
  private final Clock clock;

  PendingAuthorizations(OAuthPendingAuthorizations store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  Pending add(
      Owner owner,
      String clientId,
      String clientName,
      String redirectUri,
      String state,
      String codeChallenge,
      String resource,
      boolean wantsWrite) {
    Instant now = clock.instant();
    Pending pending =
        new Pending(
            Randoms.token(18),
            owner.key(),
            clientId,
            clientName,
            redirectUri,
            state,
            codeChallenge,
            resource,
            wantsWrite,
            now.plus(LIFETIME));
    OAuthPendingAuthorizations.Added added =
        store.add(
            new OAuthPendingAuthorizations.Request(
                Hashes.of(pending.id()),
                pending.owner(),
                clientId,
                clientName,
                redirectUri,
                state,
                codeChallenge,
                resource,
                wantsWrite,
                pending.expiresAt()),
            now,
            MAX_PER_OWNER,
            MAX);
    return switch (added) {
      case ADDED -> pending;
      case OWNER_FULL ->
          throw new OAuthError(
              503,
              "temporarily_unavailable",
              "Ten sign-ins of yours are waiting for approval; answer or let them expire, then try"
                  + " again.");
      case FULL ->
          throw new OAuthError(
              503,
              "temporarily_unavailable",
              "Too many sign-ins are waiting for approval; answer or let them expire, then try"
                  + " again.");
    };
  }

  Optional<Pending> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    return store.find(Hashes.of(id), clock.instant()).map(r -> pending(id, r));
  }

  /** Removes and returns it: a request is answered once, whichever instance answers. */
  Optional<Pending> take(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    return store.take(Hashes.of(id), clock.instant()).map(r -> pending(id, r));
  }

  private static Pending pending(String id, OAuthPendingAuthorizations.Request r) {
    return new Pending(
        id,
        r.owner(),
        r.clientId(),
        r.clientName(),
        r.redirectUri(),
        r.state(),
        r.codeChallenge(),
        r.resource(),
        r.wantsWrite(),
        r.expiresAt());
  }
}
