package io.adoconnect.simulator.entra;

import java.util.UUID;

/**
 * A simulated Entra tenant (directory).
 *
 * @param id tenant id ({@code tid} claim, {@code X-VSS-ResourceTenant})
 * @param domain verified domain usable in place of the id in authority URLs, e.g. {@code
 *     contoso.example}
 * @param displayName organization name shown in pages and error messages
 */
public record EntraTenant(UUID id, String domain, String displayName) {}
