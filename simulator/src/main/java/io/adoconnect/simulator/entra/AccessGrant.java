package io.adoconnect.simulator.entra;

import java.time.Instant;
import java.util.UUID;

/** How a {@link EntraService#accessToken(String) validated} access token identifies its bearer. */
public record AccessGrant(
    EntraUser user, UUID tenantId, String audience, String clientId, Instant expiresAt) {}
