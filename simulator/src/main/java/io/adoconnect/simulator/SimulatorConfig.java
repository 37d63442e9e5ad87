package io.adoconnect.simulator;

import java.util.Objects;

/**
 * How a {@link Simulator} is started.
 *
 * @param port               TCP port on 127.0.0.1; 0 picks a free one
 * @param orgs               number of Services organizations ({@code org-001}, …)
 * @param projects           projects per organization (and in the Server collection)
 * @param repos              repositories per Git project
 * @param seed               seed of all generated names and ids
 * @param pat                the personal access token accepted from the start
 * @param latencyMs          delay added to every request
 * @param rateLimitPerSecond requests per second per credential before 429s; 0 disables the limiter
 */
public record SimulatorConfig(int port, int orgs, int projects, int repos, long seed, String pat, int latencyMs,
                              int rateLimitPerSecond) {

    /** The default PAT: 52 characters, the shape of a classic Azure DevOps PAT. */
    public static final String DEFAULT_PAT = "sim-pat-0123456789abcdefghijklmnopqrstuvwxyz0123";

    public SimulatorConfig {
        Objects.requireNonNull(pat, "pat");
        if (port < 0 || port > 65535 || orgs < 0 || projects < 0 || repos < 0 || latencyMs < 0 || rateLimitPerSecond < 0) {
            throw new IllegalArgumentException("Simulator sizes, port, latency and rate limit must not be negative: " + this);
        }
    }

    /** Port 0, 3 orgs, 4 projects, 3 repos, seed 1, {@link #DEFAULT_PAT}, no latency, no rate limit. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(0, 3, 4, 3, 1, DEFAULT_PAT, 0, 0);
    }

    public SimulatorConfig withPort(int port) {
        return new SimulatorConfig(port, orgs, projects, repos, seed, pat, latencyMs, rateLimitPerSecond);
    }

    public SimulatorConfig withOrgs(int orgs) {
        return new SimulatorConfig(port, orgs, projects, repos, seed, pat, latencyMs, rateLimitPerSecond);
    }

    public SimulatorConfig withProjects(int projects) {
        return new SimulatorConfig(port, orgs, projects, repos, seed, pat, latencyMs, rateLimitPerSecond);
    }

    public SimulatorConfig withRepos(int repos) {
        return new SimulatorConfig(port, orgs, projects, repos, seed, pat, latencyMs, rateLimitPerSecond);
    }

    public SimulatorConfig withSeed(long seed) {
        return new SimulatorConfig(port, orgs, projects, repos, seed, pat, latencyMs, rateLimitPerSecond);
    }

    public SimulatorConfig withPat(String pat) {
        return new SimulatorConfig(port, orgs, projects, repos, seed, pat, latencyMs, rateLimitPerSecond);
    }

    public SimulatorConfig withLatencyMs(int latencyMs) {
        return new SimulatorConfig(port, orgs, projects, repos, seed, pat, latencyMs, rateLimitPerSecond);
    }

    public SimulatorConfig withRateLimitPerSecond(int rateLimitPerSecond) {
        return new SimulatorConfig(port, orgs, projects, repos, seed, pat, latencyMs, rateLimitPerSecond);
    }
}
