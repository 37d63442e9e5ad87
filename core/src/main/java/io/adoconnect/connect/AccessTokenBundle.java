package io.adoconnect.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import io.adoconnect.auth.Secret;
import io.adoconnect.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An Entra account's access tokens, one per tenant (a guest reaches organizations of other tenants
 * with tokens minted there), sealed in the vault as one JSON secret.
 */
final class AccessTokenBundle {
  record Entry(String token, Instant expiresAt) {}

  private final TreeMap<String, Entry> byTenant;

  private AccessTokenBundle(Map<String, Entry> byTenant) {
    this.byTenant = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    this.byTenant.putAll(byTenant);
  }

  static AccessTokenBundle empty() {
    return new AccessTokenBundle(Map.of());
  }

  static AccessTokenBundle read(Secret json) {
    try {
      return new AccessTokenBundle(
          Json.MAPPER.readValue(json.reveal(), new TypeReference<Map<String, Entry>>() {}));
    } catch (IOException e) {
      // never include the text: it holds tokens
      throw new UncheckedIOException(new IOException("the stored access tokens are not readable"));
    }
  }

  Secret write() {
    try {
      return Secret.of(Json.MAPPER.writeValueAsString(byTenant));
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("the access tokens could not be written"));
    }
  }

  Optional<Entry> get(String tenant) {
    return Optional.ofNullable(byTenant.get(tenant));
  }

  AccessTokenBundle with(String tenant, Secret token, Instant expiresAt) {
    AccessTokenBundle copy = new AccessTokenBundle(byTenant);
    copy.byTenant.put(tenant, new Entry(token.reveal(), expiresAt));
    return copy;
  }

  @Override
  public String toString() {
    return "AccessTokenBundle[" + byTenant.keySet() + "]";
  }
}
