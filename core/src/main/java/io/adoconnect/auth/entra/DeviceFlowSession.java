package io.adoconnect.auth.entra;

import io.adoconnect.auth.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A device code sign-in in progress: what the user sees (code, link, message) and what the poller
 * needs (the secret device code, the current interval, the deadline). The interval only grows: each
 * {@code slow_down} adds 5 s for the rest of the flow (RFC 8628 §3.5).
 */
public record DeviceFlowSession(
    Secret deviceCode,
    String userCode,
    URI verificationUri,
    String message,
    Instant expiresAt,
    Duration interval,
    String tenant) {

  DeviceFlowSession slower() {
    return new DeviceFlowSession(
        deviceCode, userCode, verificationUri, message, expiresAt, interval.plusSeconds(5), tenant);
  }
}
