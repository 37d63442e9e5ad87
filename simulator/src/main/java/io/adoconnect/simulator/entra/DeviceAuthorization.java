package io.adoconnect.simulator.entra;

import java.time.Instant;

/**
 * One device code flow (RFC 8628), from the device authorization request to its redemption.
 * Mutable; only touched under the {@link EntraService} lock.
 */
final class DeviceAuthorization {

  enum Status {
    PENDING,
    APPROVED,
    DECLINED,
    REDEEMED
  }

  final String deviceCode;
  final String userCode;
  final Client client;
  final ScopeSet scopes;
  final Authority authority;
  final Instant created;
  final Instant expires;
  Status status = Status.PENDING;
  boolean expired;
  boolean slowDownNext;
  Instant lastPoll;
  EntraUser user;

  DeviceAuthorization(
      String deviceCode,
      String userCode,
      Client client,
      ScopeSet scopes,
      Authority authority,
      Instant created,
      Instant expires) {
    this.deviceCode = deviceCode;
    this.userCode = userCode;
    this.client = client;
    this.scopes = scopes;
    this.authority = authority;
    this.created = created;
    this.expires = expires;
  }

  /** Expired by a test hook or by its lifetime. */
  boolean expired(Instant now) {
    return expired || !now.isBefore(expires);
  }

  void approve(EntraUser by) {
    user = by;
    status = Status.APPROVED;
  }

  /**
   * Applies {@code autoApproveAfterSeconds} / {@code autoDecline} to a pending authorization: what
   * the person at the verification page would have done by {@code now}.
   */
  void autoDecide(EntraService.Settings settings, Authorities authorities, Instant now) {
    if (status != Status.PENDING
        || !settings.autoDecline() && settings.autoApproveAfterSeconds() < 0) {
      return;
    }
    if (!now.isBefore(created.plusSeconds(Math.max(0, settings.autoApproveAfterSeconds())))) {
      if (settings.autoDecline()) {
        status = Status.DECLINED;
      } else {
        approve(authorities.eligibleUsers(authority).get(0));
      }
    }
  }
}
