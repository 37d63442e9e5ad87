package io.adoconnect.server.signin;

import io.adoconnect.auth.entra.AuthorizationCodeFlow;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.server.access.Randoms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web sign-ins between the redirect to Entra and the callback, keyed by a hash of their one-time
 * {@code state}. Each is bound to the browser that started it by a random value kept in that
 * browser's {@code ado_signin} cookie (only its hash is stored here): a callback with a known state
 * but from another browser is refused and leaves the entry for its rightful owner. In memory on
 * purpose: the PKCE verifier never touches disk, and after a restart a late callback finds no
 * verifier and is refused. An entry keeps the use cases of the owner who started it (in team mode,
 * that end user's view): the callback is public, and saves the account for that owner alone.
 */
final class PendingSignIns {
  static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final int MAX_PENDING = 1000;

  private final Clock clock;
  private final Map<String, Entry> byState = new ConcurrentHashMap<>();

  PendingSignIns(Clock clock) {
    this.clock = clock;
  }

  record Entry(
      AuthorizationCodeFlow.Pending pending,
      byte[] bindingHash,
      String returnTo,
      Instant expiresAt,
      AdoConnect core) {
    @Override
    public String toString() {
      return "Entry[" + returnTo + ", " + expiresAt + "]";
    }
  }

  /** Keeps a started sign-in; returns the binding value for the browser's cookie. */
  String add(AuthorizationCodeFlow.Pending pending, String returnTo, AdoConnect core) {
    if (pending.codeVerifier() == null || pending.state() == null) {
      throw new IllegalArgumentException("a web sign-in needs its state and PKCE verifier");
    }
    Instant now = clock.instant();
    byState.values().removeIf(e -> !now.isBefore(e.expiresAt()));
    if (byState.size() >= MAX_PENDING) {
      Iterator<String> oldest = byState.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    String binding = Randoms.token(32);
    byState.put(
        key(pending.state().reveal()),
        new Entry(pending, Randoms.sha256(binding), returnTo, now.plus(LIFETIME), core));
    return binding;
  }

  /**
   * Takes the sign-in of this state when the binding cookie matches, once. Empty (and nothing
   * removed) for an unknown, used or expired state or another browser's binding.
   */
  Optional<Entry> take(String state, String binding) {
    if (state == null || state.isEmpty() || state.length() > 512) {
      return Optional.empty();
    }
    String key = key(state);
    Entry entry = byState.get(key);
    if (entry == null
        || binding == null
        || !java.security.MessageDigest.isEqual(entry.bindingHash(), Randoms.sha256(binding))) {
      return Optional.empty();
    }
    if (!byState.remove(key, entry) || !clock.instant().isBefore(entry.expiresAt())) {
      return Optional.empty();
    }
    if (entry.pending().codeVerifier() == null) {
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  private static String key(String state) {
    return HexFormat.of().formatHex(Randoms.sha256(state));
  }
}
