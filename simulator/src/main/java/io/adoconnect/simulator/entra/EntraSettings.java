package io.adoconnect.simulator.entra;

/**
 * The Entra part of {@code SimulatorConfig}: lifetimes, the polling interval, automatic decisions
 * and whether refresh tokens are single use (see there for each).
 */
public record EntraSettings(
    int autoApproveAfterSeconds,
    boolean autoDecline,
    int accessTokenLifetimeSeconds,
    int deviceCodeLifetimeSeconds,
    long refreshTokenLifetimeSeconds,
    int deviceCodeIntervalSeconds,
    boolean singleUseRefreshTokens) {}
