package io.adoconnect.simulator.data;

import java.util.UUID;

/**
 * The single identity every accepted credential belongs to.
 *
 * @param tenantId Entra tenant reported in {@code X-VSS-ResourceTenant}
 */
public record SimulatedUser(
    UUID id, String displayName, String emailAddress, String windowsAccount, UUID tenantId) {}
