package io.adoconnect.connect;

import io.adoconnect.store.Account;
import java.time.Instant;

/**
 * A device code sign-in as users and API clients see it: the code to enter, where, until when, its
 * state, and the account once authorized. Never the device code itself.
 */
public record DeviceFlowView(
    String flowId,
    String userCode,
    String verificationUri,
    String message,
    Instant expiresAt,
    int interval,
    String state,
    Account account) {}
