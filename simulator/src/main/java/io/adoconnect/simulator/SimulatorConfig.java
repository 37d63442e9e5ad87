package io.adoconnect.simulator;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * How a {@link Simulator} is started. Built with {@link #builder()}; every option has a default:
 *
 * <pre>{@code
 * SimulatorConfig config = SimulatorConfig.builder().orgs(20).latencyMs(20).build();
 * SimulatorConfig slower = config.toBuilder().latencyMs(200).build();
 * }</pre>
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
 * @param singleUseRefreshTokens whether a used refresh token becomes invalid once its replacement
 *     was issued. Real Entra always returns a new refresh token but does <em>not</em> revoke the
 *     old one (entra-oauth.md §7.2); Keycloak can be set to. {@code true} (the library default) is
 *     stricter so tests catch clients that keep using the old one; {@code ado-connect simulator}
 *     defaults to Entra's behaviour
 * @param buildDurationMillis how long a queued build takes from queue to completion (the first
 *     fifth of it waiting for an agent); tests skip ahead with {@link Simulator#completeBuilds()}
 * @param releaseStageSeconds how long each stage (environment) of a simulated classic release runs
 *     on the simulator's clock; 0 completes a release as soon as it is created
 * @param serverInstanceId the Server collection's {@code instanceId} (connectionData, event
 *     containers, hook host id); null derives it from the seed <em>and the bound port</em>, so two
 *     simulators started with the same seed are two Servers with the same names, as two real
 *     Servers with a {@code DefaultCollection} each are
 * @param clock the time of the simulated Entra (lifetimes, intervals, auto-approval, token claims),
 *     builds, pull requests, pushes and releases; tests pass one they move forward instead of
 *     sleeping
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
    boolean singleUseRefreshTokens,
    long buildDurationMillis,
    int releaseStageSeconds,
    UUID serverInstanceId,
    Clock clock) {

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
    Objects.requireNonNull(clock, "clock");
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
   * Port 0, 3 orgs, 4 projects, 3 repos, seed 1, {@link #DEFAULT_PAT}, no latency, no rate limit;
   * Entra: no auto-approval, access tokens 3600 s, device codes 900 s, refresh tokens 90 days and
   * single-use, interval 5 s; builds 5 s, release stages 3 s; the system clock.
   */
  public static SimulatorConfig defaults() {
    return builder().build();
  }

  /** A builder holding {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration, to change a few options of it. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.orgs = orgs;
    b.projects = projects;
    b.repos = repos;
    b.seed = seed;
    b.pat = pat;
    b.latencyMs = latencyMs;
    b.rateLimitPerSecond = rateLimitPerSecond;
    b.autoApproveAfterSeconds = autoApproveAfterSeconds;
    b.autoDecline = autoDecline;
    b.accessTokenLifetimeSeconds = accessTokenLifetimeSeconds;
    b.deviceCodeLifetimeSeconds = deviceCodeLifetimeSeconds;
    b.refreshTokenLifetimeSeconds = refreshTokenLifetimeSeconds;
    b.deviceCodeIntervalSeconds = deviceCodeIntervalSeconds;
    b.singleUseRefreshTokens = singleUseRefreshTokens;
    b.buildDurationMillis = buildDurationMillis;
    b.releaseStageSeconds = releaseStageSeconds;
    b.serverInstanceId = serverInstanceId;
    b.clock = clock;
    return b;
  }

  /**
   * Sets options one by one (each method is named after the {@link SimulatorConfig} component it
   * sets and documented there); {@link #build()} checks them.
   */
  public static final class Builder {
    private int port;
    private int orgs = 3;
    private int projects = 4;
    private int repos = 3;
    private long seed = 1;
    private String pat = DEFAULT_PAT;
    private int latencyMs;
    private int rateLimitPerSecond;
    private int autoApproveAfterSeconds = -1;
    private boolean autoDecline;
    private int accessTokenLifetimeSeconds = 3600;
    private int deviceCodeLifetimeSeconds = 900;
    private long refreshTokenLifetimeSeconds = DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS;
    private int deviceCodeIntervalSeconds = 5;
    private boolean singleUseRefreshTokens = true;
    private long buildDurationMillis = DEFAULT_BUILD_DURATION_MILLIS;
    private int releaseStageSeconds = DEFAULT_RELEASE_STAGE_SECONDS;
    private UUID serverInstanceId;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder orgs(int orgs) {
      this.orgs = orgs;
      return this;
    }

    public Builder projects(int projects) {
      this.projects = projects;
      return this;
    }

    public Builder repos(int repos) {
      this.repos = repos;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder pat(String pat) {
      this.pat = pat;
      return this;
    }

    public Builder latencyMs(int latencyMs) {
      this.latencyMs = latencyMs;
      return this;
    }

    public Builder rateLimitPerSecond(int rateLimitPerSecond) {
      this.rateLimitPerSecond = rateLimitPerSecond;
      return this;
    }

    public Builder autoApproveAfterSeconds(int autoApproveAfterSeconds) {
      this.autoApproveAfterSeconds = autoApproveAfterSeconds;
      return this;
    }

    public Builder autoDecline(boolean autoDecline) {
      this.autoDecline = autoDecline;
      return this;
    }

    public Builder accessTokenLifetimeSeconds(int accessTokenLifetimeSeconds) {
      this.accessTokenLifetimeSeconds = accessTokenLifetimeSeconds;
      return this;
    }

    public Builder deviceCodeLifetimeSeconds(int deviceCodeLifetimeSeconds) {
      this.deviceCodeLifetimeSeconds = deviceCodeLifetimeSeconds;
      return this;
    }

    public Builder refreshTokenLifetimeSeconds(long refreshTokenLifetimeSeconds) {
      this.refreshTokenLifetimeSeconds = refreshTokenLifetimeSeconds;
      return this;
    }

    public Builder deviceCodeIntervalSeconds(int deviceCodeIntervalSeconds) {
      this.deviceCodeIntervalSeconds = deviceCodeIntervalSeconds;
      return this;
    }

    public Builder singleUseRefreshTokens(boolean singleUseRefreshTokens) {
      this.singleUseRefreshTokens = singleUseRefreshTokens;
      return this;
    }

    public Builder buildDurationMillis(long buildDurationMillis) {
      this.buildDurationMillis = buildDurationMillis;
      return this;
    }

    public Builder releaseStageSeconds(int releaseStageSeconds) {
      this.releaseStageSeconds = releaseStageSeconds;
      return this;
    }

    /** Null (the default) derives the id from the seed and the bound port. */
    public Builder serverInstanceId(UUID serverInstanceId) {
      this.serverInstanceId = serverInstanceId;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The configuration; {@link IllegalArgumentException} when an option is out of range, {@link
     * NullPointerException} for a null PAT or clock.
     */
    public SimulatorConfig build() {
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
          singleUseRefreshTokens,
          buildDurationMillis,
          releaseStageSeconds,
          serverInstanceId,
          clock);
    }
  }
}
