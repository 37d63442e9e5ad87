package io.adoconnect.simulator.entra;

import java.time.Instant;
import java.util.UUID;

/** An issued authorization code, redeemed once by {@link AuthorizationCodeGrant}. */
record AuthorizationCode(
    String code, AuthorizationRequest request, EntraUser user, UUID tenantId, Instant expires) {}
