package io.adoconnect.connect;

import io.adoconnect.auth.Secret;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Store;
import io.adoconnect.vault.Vault;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The benchmark's way to the access-token lookup that every Entra request makes ({@link
 * EntraTokens#accessToken}), which is package-private in core: the bench module adds this class to
 * the same package. Two lookups: as shipped (the token held in memory once opened), and as before
 * (the sealed bundle read from the store and decrypted on every lookup).
 */
public final class TokenLookupProbe {
  private TokenLookupProbe() {}

  /** The lookup as shipped: {@link EntraTokens} with its tokens held in memory. */
  public static Supplier<Secret> warm(
      ConnectSettings settings, Store store, Vault vault, String accountId, String tenant) {
    EntraTokens tokens =
        new EntraTokens(settings, store, () -> vault, Optional.empty(), new WarmTokens());
    return () -> tokens.accessToken(accountId, tenant);
  }

  /** The lookup before: the store's sealed bundle, decrypted and parsed each time. */
  public static Supplier<Secret> fromStore(
      Store store, Vault vault, String accountId, String tenant) {
    return () ->
        AccessTokenBundle.read(
                vault.unseal(
                    store.sealedSecret(accountId, SecretKind.ACCESS_TOKEN).get(), accountId))
            .get(tenant)
            .map(entry -> Secret.of(entry.token()))
            .orElseThrow();
  }
}
