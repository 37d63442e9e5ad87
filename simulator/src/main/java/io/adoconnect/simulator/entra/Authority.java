package io.adoconnect.simulator.entra;

/**
 * The {@code {tenant}} path segment, resolved by {@link Authorities}. {@code tenant} is null unless
 * {@code kind == TENANT}.
 */
record Authority(String segment, Kind kind, EntraTenant tenant) {

  enum Kind {
    COMMON,
    ORGANIZATIONS,
    CONSUMERS,
    TENANT
  }

  boolean sameAs(Authority other) {
    return kind == other.kind && (tenant == null || tenant.equals(other.tenant));
  }

  /** The tenant id for a tenant authority, else the segment ({@code organizations}, …). */
  String tenantPath() {
    return tenant != null ? tenant.id().toString() : segment;
  }

  /** The {@code issuer} of the metadata and of the JWKS entries. */
  String issuer(String root) {
    return root + "/" + (tenant != null ? tenant.id().toString() : "{tenantid}") + "/v2.0";
  }
}
