package io.adoconnect.server.oauth;

import io.adoconnect.server.access.Randoms;
import io.adoconnect.store.Owner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization requests that passed every check and wait for the operator's answer on the consent
 * page: at most {@value #MAX} at a time, each for {@link #LIFETIME}, answered once. In memory: a
 * restart drops them, and the client starts again.
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

  private final Clock clock;
  private final Map<String, Pending> byId = new ConcurrentHashMap<>();

  PendingAuthorizations(Clock clock) {
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
    byId.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    if (byId.values().stream().filter(p -> p.owner().equals(owner.key())).count()
        >= MAX_PER_OWNER) {
      throw new OAuthError(
          503,
          "temporarily_unavailable",
          "Ten sign-ins of yours are waiting for approval; answer or let them expire, then try"
              + " again.");
    }
    if (byId.size() >= MAX) {
      throw new OAuthError(
          503,
          "temporarily_unavailable",
          "Too many sign-ins are waiting for approval; answer or let them expire, then try again.");
    }
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
    byId.put(pending.id(), pending);
    return pending;
  }

  Optional<Pending> find(String id) {
    Pending pending = id == null ? null : byId.get(id);
    if (pending == null || !clock.instant().isBefore(pending.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  /** Removes and returns it: a request is answered once. */
  Optional<Pending> take(String id) {
    Optional<Pending> pending = find(id);
    pending.ifPresent(p -> byId.remove(p.id()));
    return pending;
  }
}
