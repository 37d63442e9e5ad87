package io.adoconnect.connect;

import io.adoconnect.auth.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entra access tokens opened once and held in memory until near expiry, shared by a service's
 * per-request views ({@link AdoConnect#forOwner}): without it every Azure DevOps call read the
 * sealed bundle from the store and decrypted it, which under 100 threads at once queued on the
 * store's connections (scripts/bench service-hot). Only tokens the store holds (or a renewal just
 * committed) go in; a token Azure DevOps refused is forgotten before it is renewed.
 */
final class WarmTokens {
  /** More entries than this drops the expired ones first (accounts × tenants of a service). */
  private static final int PRUNE_ABOVE = 10_000;

  private record Key(String owner, String accountId, String tenant) {}

  private record Warm(Secret token, Instant expiresAt) {}

  private final Map<Key, Warm> tokens = new ConcurrentHashMap<>();

  /** The token held for this account and tenant if it is valid beyond {@code until}. */
  Optional<Secret> valid(String owner, String accountId, String tenant, Instant until) {
    Warm warm = tokens.get(new Key(owner, accountId, tenant));
    return warm != null && warm.expiresAt().isAfter(until)
        ? Optional.of(warm.token())
        : Optional.empty();
  }

  void put(String owner, String accountId, String tenant, Secret token, Instant expiresAt) {
    if (tokens.size() > PRUNE_ABOVE) {
      Instant now = Instant.now();
      tokens.values().removeIf(w -> w.expiresAt().isBefore(now));
    }
    tokens.put(new Key(owner, accountId, tenant), new Warm(token, expiresAt));
  }

  void forget(String owner, String accountId, String tenant) {
    tokens.remove(new Key(owner, accountId, tenant));
  }

  /** Forgets every token of the account (it was disconnected). */
  void forgetAccount(String owner, String accountId) {
    tokens.keySet().removeIf(k -> k.owner().equals(owner) && k.accountId().equals(accountId));
  }
}
