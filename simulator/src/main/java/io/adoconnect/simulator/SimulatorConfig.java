package io.adoconnect.simulator;

import java.util.Objects;

/**
 * How a {@link Simulator} is started.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param orgs number of Services organizations ({@code org-001}, …)
 * @param projects projects per organization (and in the Server collection)
 * @param repos repositories per Git project
 * @param seed seed of all generated names and ids
 * @param pat the personal access token accepted from the start
 * @param latencyMs delay added to every request
 * @param rateLimitPerSecond requests per second per credential before 429s; 0 disables the limiter
 * @param autoApproveAfterSeconds simulated Entra: a pending device authorization is approved by the
 *     default user this many seconds after it was requested (0 = at the first poll); -1 = off
 *     (approve through {@code /devicelogin} or {@link Simulator#approve})
 * @param autoDecline simulated Entra: pending device authorizations are declined instead — after
 *     {@code autoApproveAfterSeconds} when that is set, else at the first poll
 * @param accessTokenLifetimeSeconds lifetime of issued access tokens ({@code expires_in}); real
 *     Entra uses 60–90 min
 * @param deviceCodeLifetimeSeconds lifetime of device and user codes ({@code expires_in} of the
 *     device code answer)
 * @param refreshTokenLifetimeSeconds lifetime of each issued refresh token (real Entra: 90 days of
 *     inactivity)
 * @param deviceCodeIntervalSeconds polling {@code interval} announced and enforced with {@code
 *     slow_down}; 0 announces 0 and never answers {@code slow_down} (fast tests)
 * @param rotateRefreshTokens whether a used refresh token becomes invalid once its replacement was
 *     issued. Real Entra always returns a new refresh token but does <em>not</em> revoke the old
 *     one (entra-oauth.md §7.2); {@code true} (the default) is stricter so tests catch clients that
 *     keep using the old one
 * @param buildDurationMillis how long a queued build takes from queue to completion (the first
 *     fifth of it waiting for an agent); tests skip ahead with {@link Simulator#completeBuilds()}
 * @param releaseStageSeconds how long each stage (environment) of a simulated classic release runs
 *     on the simulator's clock; 0 completes a release as soon as it is created
 */
public record SimulatorConfig(
    int port,
    int orgs,
    int projects,
    int repos,
    long seed,
    String pat,
    int latencyMs,
    int rateLimitPerSecond,
    int autoApproveAfterSeconds,
    boolean autoDecline,
    int accessTokenLifetimeSeconds,
    int deviceCodeLifetimeSeconds,
    long refreshTokenLifetimeSeconds,
    int deviceCodeIntervalSeconds,
    boolean rotateRefreshTokens,
    long buildDurationMillis,
    int releaseStageSeconds) {

  /** Default {@link #releaseStageSeconds()}: a simulated deployment stage takes 3 s. */
  public static final int DEFAULT_RELEASE_STAGE_SECONDS = 3;

  /** The default PAT: 52 characters, the shape of a classic Azure DevOps PAT. */
  public static final String DEFAULT_PAT = "sim-pat-0123456789abcdefghijklmnopqrstuvwxyz0123";

  /** Default {@link #refreshTokenLifetimeSeconds()}: 90 days. */
  public static final long DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS = 90L * 24 * 3600;

  /**
   * Default {@link #buildDurationMillis()}: 5 s, long enough to watch, short enough to wait for.
   */
  public static final long DEFAULT_BUILD_DURATION_MILLIS = 5_000;

  public SimulatorConfig {
    Objects.requireNonNull(pat, "pat");
    if (port < 0
        || port > 65535
        || orgs < 0
        || projects < 0
        || repos < 0
        || latencyMs < 0
        || rateLimitPerSecond < 0) {
      throw new IllegalArgumentException(
          "Simulator sizes, port, latency and rate limit must not be negative.");
    }
    if (autoApproveAfterSeconds < -1
        || accessTokenLifetimeSeconds <= 0
        || deviceCodeLifetimeSeconds <= 0
        || refreshTokenLifetimeSeconds <= 0
        || deviceCodeIntervalSeconds < 0
        || buildDurationMillis < 0
        || releaseStageSeconds < 0) {
      throw new IllegalArgumentException(
          "Entra lifetimes must be positive, the interval not negative, the auto-approval delay -1"
              + " or more, and build and release stage durations not negative.");
    }
  }

  /**
   * The configuration of the first versions (PATs only), with the Entra defaults of {@link
   * #defaults()}.
   */
  public SimulatorConfig(
      int port,
      int orgs,
      int projects,
      int repos,
      long seed,
      String pat,
      int latencyMs,
      int rateLimitPerSecond) {
    this(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        -1,
        false,
        3600,
        900,
        DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS,
        5,
        true,
        DEFAULT_BUILD_DURATION_MILLIS,
        DEFAULT_RELEASE_STAGE_SECONDS);
  }

  /**
   * Port 0, 3 orgs, 4 projects, 3 repos, seed 1, {@link #DEFAULT_PAT}, no latency, no rate limit;
   * Entra: no auto-approval, access tokens 3600 s, device codes 900 s, refresh tokens 90 days,
   * interval 5 s, rotation on.
   */
  public static SimulatorConfig defaults() {
    return new SimulatorConfig(0, 3, 4, 3, 1, DEFAULT_PAT, 0, 0);
  }

  public SimulatorConfig withPort(int port) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withOrgs(int orgs) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withProjects(int projects) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withRepos(int repos) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withSeed(long seed) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withPat(String pat) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withLatencyMs(int latencyMs) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withRateLimitPerSecond(int rateLimitPerSecond) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withAutoApproveAfterSeconds(int autoApproveAfterSeconds) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withAutoDecline(boolean autoDecline) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withAccessTokenLifetimeSeconds(int accessTokenLifetimeSeconds) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withDeviceCodeLifetimeSeconds(int deviceCodeLifetimeSeconds) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withRefreshTokenLifetimeSeconds(long refreshTokenLifetimeSeconds) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withDeviceCodeIntervalSeconds(int deviceCodeIntervalSeconds) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withRotateRefreshTokens(boolean rotateRefreshTokens) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withBuildDurationMillis(long buildDurationMillis) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }

  public SimulatorConfig withReleaseStageSeconds(int releaseStageSeconds) {
    return new SimulatorConfig(
        port,
        orgs,
        projects,
        repos,
        seed,
        pat,
        latencyMs,
        rateLimitPerSecond,
        autoApproveAfterSeconds,
        autoDecline,
        accessTokenLifetimeSeconds,
        deviceCodeLifetimeSeconds,
        refreshTokenLifetimeSeconds,
        deviceCodeIntervalSeconds,
        rotateRefreshTokens,
        buildDurationMillis,
        releaseStageSeconds);
  }
}
