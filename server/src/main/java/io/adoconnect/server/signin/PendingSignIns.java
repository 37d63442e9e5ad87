package io.adoconnect.server.signin;

import io.adoconnect.auth.entra.AuthorizationCodeFlow;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.server.access.Randoms;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Web sign-ins between the redirect to Entra and the callback, keyed by a hash of their one-time
 * {@code state}. Each is bound to the browser that started it by a random value kept in that
 * browser's {@code ado_signin} cookie (only its hash is stored): a callback with a known state but
 * from another browser is refused and leaves the entry for its rightful owner. Kept in the database
 * ({@link AdoConnect#keepWebSignIn}, the PKCE verifier sealed by the vault), so the callback may
 * reach another instance than the one that started the sign-in, or a restarted one. An entry keeps
 * the owner who started it (in team mode, that end user): the callback is public, and saves the
 * account for that owner alone.
 */
final class PendingSignIns {
  static final Duration LIFETIME = Duration.ofMinutes(10);

  private final AdoConnect root;
  private final Clock clock;

  PendingSignIns(AdoConnect root, Clock clock) {
    this.root = root;
    this.clock = clock;
  }

  /** A sign-in taken back for its callback: whose it is, its flow, and where to return. */
  record Entry(AuthorizationCodeFlow.Pending pending, String returnTo, AdoConnect core) {
    @Override
    public String toString() {
      return "Entry[" + returnTo + "]";
    }
  }

  /** Keeps a started sign-in for {@code core}'s owner; returns the binding for the cookie. */
  String add(AuthorizationCodeFlow.Pending pending, String returnTo, AdoConnect core) {
    if (pending.codeVerifier() == null || pending.state() == null) {
      throw new IllegalArgumentException("a web sign-in needs its state and PKCE verifier");
    }
    String binding = Randoms.token(32);
    core.keepWebSignIn(
        pending,
        hash(pending.state().reveal()),
        hash(binding),
        returnTo,
        clock.instant().plus(LIFETIME));
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
    if (binding == null || binding.isEmpty() || binding.length() > 200) {
      return Optional.empty();
    }
    return root.takeWebSignIn(state, hash(state), hash(binding), clock.instant())
        .map(kept -> new Entry(kept.pending(), kept.returnTo(), kept.core()));
  }

  private static String hash(String value) {
    return HexFormat.of().formatHex(Randoms.sha256(value));
  }
}
