package io.adoconnect.connect;

import io.adoconnect.NextStep;
import io.adoconnect.ReconnectRequiredException;
import io.adoconnect.auth.CredentialProvider;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.entra.TokenRefresher;
import io.adoconnect.auth.entra.TokenScopes;
import io.adoconnect.auth.entra.TokenSet;
import io.adoconnect.http.GrantedScopes;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Store;
import io.adoconnect.vault.Vault;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access tokens of Entra accounts: used as they are while more than 90 s remain, renewed with
 * the refresh token otherwise — one renewal per account at a time, across threads, processes and
 * service instances on other hosts ({@link #singleFlight}).
 *
 * <p>Rotation: every renewal returns a new refresh token. It is committed to the store (with the
 * one it replaced, as {@link SecretKind#PREVIOUS_REFRESH_TOKEN}) before the new access token is
 * handed out. A process killed between the provider's answer and that commit leaves the store with
 * the token it had sent. What that costs depends on the provider:
 *
 * <ul>
 *   <li>Microsoft Entra ID leaves a used refresh token valid (until it expires or is revoked), so
 *       the stored one still works on the next renewal: nothing is lost.
 *   <li>A provider with single-use refresh tokens (Keycloak can be set so) has already invalidated
 *       the stored one: one kill in that window loses the session, and the account is marked
 *       reconnect-needed on the next renewal. No client can close that window alone: the new token
 *       exists only in the provider's answer.
 * </ul>
 *
 * <p>When the provider refuses the newest stored token (invalid_grant), the previous one is tried
 * once before the account is marked reconnect-needed; with a provider that keeps used tokens valid
 * that recovers a newest token the provider did not keep.
 */
final class EntraTokens {
  private static final Logger log = LoggerFactory.getLogger(EntraTokens.class);
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(90);

  private final ConnectSettings settings;
  private final Store store;
  private final Supplier<Vault> vault;
  private final TokenRefresher refresher;
  private final RefreshLocks locks;
  private final Optional<Secret> webClientSecret;
  private final WarmTokens warm;

  EntraTokens(ConnectSettings settings, Store store, Supplier<Vault> vault) {
    this(settings, store, vault, Optional.empty(), new WarmTokens());
  }

  /**
   * @param webClientSecret the secret of a confidential web app registration: refresh tokens that
   *     the web sign-in (authorization code) obtained are redeemed with it, as Entra requires of a
   *     confidential client; device-code refresh tokens (a public client's) never carry it
   * @param warm the access tokens already opened, shared with the other views of the service
   */
  EntraTokens(
      ConnectSettings settings,
      Store store,
      Supplier<Vault> vault,
      Optional<Secret> webClientSecret,
      WarmTokens warm) {
    this.webClientSecret = webClientSecret;
    this.warm = warm;
    this.settings = settings;
    this.store = store;
    this.vault = vault;
    this.refresher = new TokenRefresher(settings.entra(), settings.transport(), settings.clock());
    this.locks = new RefreshLocks(settings.dataDir());
  }

  /** Saves a new sign-in: the account with its refresh token and its first access token. */
  void save(Account account, TokenSet tokens) {
    if (tokens.refreshToken() == null) {
      throw new ReconnectRequiredException(
          "Microsoft Entra ID returned no refresh token, so the session could not be kept.",
          "Sign in again and make sure offline_access is among the requested permissions.");
    }
    AccessTokenBundle bundle =
        AccessTokenBundle.empty()
            .with(account.tenantId(), tokens.accessToken(), tokens.expiresAt());
    store.saveAccount(account, sealed(account.id(), tokens.refreshToken(), null, bundle));
  }

  /**
   * A credential for one tenant of the account: the home tenant, or a tenant where the user is a
   * guest.
   */
  CredentialProvider credential(Account account, String tenant) {
    return new CredentialProvider() {
      @Override
      public Secret authorization() {
        return Secret.of("Bearer " + accessToken(account.id(), tenant).reveal());
      }

      @Override
      public NextStep refused() {
        return NextStep.reconnect(account.id(), account.method().wireName())
            .withAdvice(
                "Azure DevOps refused the Microsoft sign-in. The organization may not allow"
                    + " third-party application access via OAuth, or your account lacks access there;"
                    + " test the account, and if it keeps failing, sign in again or use a Personal"
                    + " Access Token.");
      }

      @Override
      public GrantedScopes granted() {
        return GrantedScopes.parse(account.scope());
      }

      @Override
      public boolean renewAfterRefusal() {
        renew(account.id(), tenant);
        return true;
      }

      @Override
      public String toString() {
        return "EntraCredential[" + account.id() + ", " + tenant + "]";
      }
    };
  }

  Secret accessToken(String accountId, String tenant) {
    Optional<Secret> fresh = fresh(accountId, tenant);
    if (fresh.isPresent()) {
      return fresh.get();
    }
    return singleFlight(
        accountId,
        () -> {
          // Another thread, process or instance may have renewed it while this one waited.
          Optional<Secret> renewed = fresh(accountId, tenant);
          return renewed.orElseGet(() -> refresh(accountId, tenant));
        });
  }

  /**
   * Renews the account's home-tenant token when it has been expired for longer than {@code idle}
   * (nobody used the account since): each renewal brings a new refresh token, so an idle session
   * outlives Entra's inactivity limit. A refusal marks the account reconnect-needed, as any renewal
   * does.
   *
   * @return whether it renewed
   */
  boolean renewIfIdle(Account account, Duration idle) {
    Instant idleSince = settings.clock().instant().minus(idle);
    Optional<AccessTokenBundle.Entry> home = bundle(account.id()).get(account.tenantId());
    if (home.isPresent() && home.get().expiresAt().isAfter(idleSince)) {
      return false;
    }
    accessToken(account.id(), account.tenantId());
    return true;
  }

  /**
   * Renews even though the stored token hasn't expired: Azure DevOps refused it (revoked early). A
   * token another caller renewed meanwhile counts as renewed.
   */
  private void renew(String accountId, String tenant) {
    warm.forget(store.owner(), accountId, tenant);
    Optional<AccessTokenBundle.Entry> refused = bundle(accountId).get(tenant);
    singleFlight(
        accountId,
        () -> {
          Optional<AccessTokenBundle.Entry> now = bundle(accountId).get(tenant);
          return now.isPresent() && !now.equals(refused) ? now.get() : refresh(accountId, tenant);
        });
  }

  /**
   * {@code work} as the only renewal of the account: first among this JVM's threads and this host's
   * processes (the file lock), then among instances on other hosts sharing a PostgreSQL database
   * (its advisory lock; a no-op on SQLite). The file lock is taken first so that the threads of one
   * data directory wait on it, not each on a database connection of its own.
   */
  private <T> T singleFlight(String accountId, Supplier<T> work) {
    return locks.withLock(
        accountId, () -> store.withRenewalLock(accountId, RefreshLocks.DEFAULT_WAIT, work));
  }

  private Optional<Secret> fresh(String accountId, String tenant) {
    Instant soon = settings.clock().instant().plus(REFRESH_MARGIN);
    Optional<Secret> held = warm.valid(store.owner(), accountId, tenant, soon);
    if (held.isPresent()) {
      return held;
    }
    Optional<AccessTokenBundle.Entry> stored =
        bundle(accountId).get(tenant).filter(entry -> entry.expiresAt().isAfter(soon));
    stored.ifPresent(
        entry ->
            warm.put(
                store.owner(), accountId, tenant, Secret.of(entry.token()), entry.expiresAt()));
    return stored.map(entry -> Secret.of(entry.token()));
  }

  /** Forgets the tokens held in memory for the account (it is being disconnected). */
  void forget(String accountId) {
    warm.forgetAccount(store.owner(), accountId);
  }

  private Secret refresh(String accountId, String tenant) {
    Account account =
        store
            .findAccount(accountId)
            .orElseThrow(
                () ->
                    new ReconnectRequiredException(
                        "The account " + accountId + " was disconnected.",
                        NextStep.of(NextStep.Action.CONNECT, "Sign in again.")));
    Optional<byte[]> sealedRefresh = store.sealedSecret(accountId, SecretKind.REFRESH_TOKEN);
    if (sealedRefresh.isEmpty()) {
      store.setAccountStatus(accountId, AccountStatus.RECONNECT_NEEDED);
      throw new ReconnectRequiredException(
          "The sign-in of account " + accountId + " expired and no refresh token was stored.",
          NextStep.reconnect(accountId, account.method().wireName())
              .withAdvice("Disconnect the account and sign in again."));
    }
    Secret newest = vault.get().unseal(sealedRefresh.get(), accountId);
    Optional<Secret> previous =
        store
            .sealedSecret(accountId, SecretKind.PREVIOUS_REFRESH_TOKEN)
            .map(ciphertext -> vault.get().unseal(ciphertext, accountId))
            .filter(token -> !token.equals(newest));
    Secret used = newest;
    TokenSet tokens;
    try {
      tokens = refresher.refresh(newest, tenant, clientSecretFor(account));
    } catch (ReconnectRequiredException refused) {
      if (previous.isEmpty()) {
        throw reconnectNeeded(account, refused);
      }
      try {
        tokens = refresher.refresh(previous.get(), tenant, clientSecretFor(account));
        used = previous.get();
        log.debug(
            "the newest refresh token of account {} was refused; the previous one worked",
            accountId);
      } catch (ReconnectRequiredException alsoRefused) {
        throw reconnectNeeded(account, alsoRefused);
      }
    }
    log.debug("renewed the access token of account {} for tenant {}", accountId, tenant);
    AccessTokenBundle bundle =
        bundle(accountId).with(tenant, tokens.accessToken(), tokens.expiresAt());
    // The renewed token's grant is what Azure DevOps checks from now on (the deployment may ask
    // for other scopes since the sign-in): the early refusals follow it.
    Account updated =
        tenant.equalsIgnoreCase(account.tenantId())
            ? account
                .withExpiresAt(tokens.expiresAt())
                .withStatus(AccountStatus.CONNECTED)
                .withScope(TokenScopes.of(tokens).scp())
            : account;
    // Committed before the access token is used: see the class comment for what a kill costs.
    store.saveAccount(updated, sealed(accountId, tokens.refreshToken(), used, bundle));
    warm.put(store.owner(), accountId, tenant, tokens.accessToken(), tokens.expiresAt());
    return tokens.accessToken();
  }

  /** Marks the account reconnect-needed (its secrets stay) and says what to do. */
  private ReconnectRequiredException reconnectNeeded(
      Account account, ReconnectRequiredException refused) {
    store.setAccountStatus(account.id(), AccountStatus.RECONNECT_NEEDED);
    return new ReconnectRequiredException(
        refused.getMessage(),
        NextStep.reconnect(account.id(), account.method().wireName())
            .withAdvice("Disconnect the account and sign in again. Nothing was deleted."));
  }

  /**
   * The flow that issued the refresh token decides: a confidential web sign-in refreshes with its
   * secret.
   */
  Optional<Secret> clientSecretFor(Account account) {
    return account.method() == ConnectionMethod.AUTHORIZATION_CODE
        ? webClientSecret
        : Optional.empty();
  }

  private AccessTokenBundle bundle(String accountId) {
    return store
        .sealedSecret(accountId, SecretKind.ACCESS_TOKEN)
        .map(ciphertext -> AccessTokenBundle.read(vault.get().unseal(ciphertext, accountId)))
        .orElseGet(AccessTokenBundle::empty);
  }

  /** The account's secrets: the newest refresh token, the one it replaced (if any), the bundle. */
  private Map<SecretKind, byte[]> sealed(
      String accountId, Secret refreshToken, Secret replaced, AccessTokenBundle bundle) {
    Vault v = vault.get();
    Map<SecretKind, byte[]> secrets = new EnumMap<>(SecretKind.class);
    secrets.put(SecretKind.REFRESH_TOKEN, v.seal(refreshToken, accountId));
    secrets.put(SecretKind.ACCESS_TOKEN, v.seal(bundle.write(), accountId));
    if (replaced != null && !replaced.equals(refreshToken)) {
      secrets.put(SecretKind.PREVIOUS_REFRESH_TOKEN, v.seal(replaced, accountId));
    }
    return secrets;
  }
}
