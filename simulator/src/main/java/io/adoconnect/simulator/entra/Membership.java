package io.adoconnect.simulator.entra;

import java.util.UUID;

/**
 * A user's object in one tenant.
 *
 * @param tenantId the tenant
 * @param objectId the {@code oid} of the user in that tenant (differs per tenant, as in Entra)
 * @param guest whether the user is a B2B guest there (home tenant elsewhere)
 */
public record Membership(UUID tenantId, UUID objectId, boolean guest) {}
