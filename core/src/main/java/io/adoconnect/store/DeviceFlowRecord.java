package io.adoconnect.store;

import java.time.Instant;

/**
 * A device code sign-in in progress, as stored so another process (or this one, restarted) can
 * resume polling. {@code sealedDeviceCode} is the Vault's ciphertext, bound to {@code id}.
 *
 * @param state the last state seen: pending, slow_down, expired, denied or authorized
 * @param polledAt when Entra was last asked, so pollers keep to the interval; null before the first
 *     poll
 * @param accountId the account it created, once authorized
 */
public record DeviceFlowRecord(
    String id,
    String tenant,
    String clientId,
    String userCode,
    String verificationUri,
    String message,
    int intervalSeconds,
    Instant startedAt,
    Instant expiresAt,
    String state,
    Instant polledAt,
    String accountId,
    byte[] sealedDeviceCode) {

  public DeviceFlowRecord {
    Require.text(id, "The device flow id");
    Require.text(tenant, "The tenant");
    Require.text(clientId, "The client id");
    Require.text(userCode, "The user code");
    Require.text(verificationUri, "The verification URI");
    Require.text(state, "The device flow state");
    startedAt = Require.millis(Require.present(startedAt, "The start time"));
    expiresAt = Require.millis(Require.present(expiresAt, "The expiry time"));
    polledAt = Require.millis(polledAt);
    Require.present(sealedDeviceCode, "The sealed device code");
  }

  /** The record after a poll at {@code when}. */
  public DeviceFlowRecord polled(
      String newState, int newIntervalSeconds, Instant when, String newAccountId) {
    return new DeviceFlowRecord(
        id,
        tenant,
        clientId,
        userCode,
        verificationUri,
        message,
        newIntervalSeconds,
        startedAt,
        expiresAt,
        newState,
        when,
        newAccountId,
        sealedDeviceCode);
  }

  @Override
  public String toString() {
    return "DeviceFlowRecord["
        + id
        + ", "
        + state
        + ", user code "
        + userCode
        + ", expires "
        + expiresAt
        + "]";
  }
}
