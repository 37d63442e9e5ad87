package io.adoconnect.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The {@code organization_tenants} table, for one owner; organization names compare ignoring case.
 */
final class OrganizationTenantRepository {
  private final String owner;

  OrganizationTenantRepository(String owner) {
    this.owner = owner;
  }

  void put(Handle handle, String organization, String tenantId, Instant learnedAt) {
    handle
        .createUpdate(
            "INSERT INTO organization_tenants (owner, organization, tenant_id, learned_at)"
                + " VALUES (:owner, :organization, :tenantId, :learnedAt)"
                + " ON CONFLICT (owner, organization) DO UPDATE SET tenant_id = excluded.tenant_id,"
                + " learned_at = excluded.learned_at")
        .bind("owner", owner)
        .bind("organization", organization.toLowerCase(Locale.ROOT))
        .bind("tenantId", tenantId)
        .bind("learnedAt", Millis.of(learnedAt))
        .execute();
  }

  /** Organization (lower case) → tenant id. */
  Map<String, String> all(Handle handle) {
    Map<String, String> tenants = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    handle
        .createQuery(
            "SELECT organization, tenant_id FROM organization_tenants WHERE owner = :owner")
        .bind("owner", owner)
        .map((rs, ctx) -> Map.entry(rs.getString("organization"), rs.getString("tenant_id")))
        .forEach(e -> tenants.put(e.getKey(), e.getValue()));
    return tenants;
  }
}
