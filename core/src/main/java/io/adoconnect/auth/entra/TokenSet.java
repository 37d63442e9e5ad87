package io.adoconnect.auth.entra;

import io.adoconnect.auth.Secret;
import java.time.Instant;

/**
 * What a token response gives: an access token for Azure DevOps, the refresh token that renews it
 * (rotated on every use), when the access token expires, the granted scope, and the verified
 * id-token claims when an id token came along.
 */
public record TokenSet(
    Secret accessToken,
    Secret refreshToken,
    Instant expiresAt,
    String scope,
    IdTokenClaims claims) {}
