package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * {@code grant_type=urn:ietf:params:oauth:grant-type:device_code}: the device polling (RFC 8628
 * §3.4). Outcomes per §3.5: {@code authorization_pending} until someone decides, {@code slow_down}
 * when polled within the interval, {@code authorization_declined}, {@code expired_token}; tokens
 * once approved, and only once.
 */
final class DeviceCodeGrant implements TokenGrant {
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

  private final GrantStore grants;
  private final Authorities authorities;
  private final TokenIssuer issuer;
  private final EntraService.Settings settings;
  private final Clock clock;

  DeviceCodeGrant(
      GrantStore grants,
      Authorities authorities,
      TokenIssuer issuer,
      EntraService.Settings settings,
      Clock clock) {
    this.grants = grants;
    this.authorities = authorities;
    this.issuer = issuer;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String grantType() {
    return GRANT_TYPE;
  }

  @Override
  public Response redeem(
      Map<String, String> form, Client client, Authority authority, String root) {
    String deviceCode = FormParameters.required(form, "device_code");
    DeviceAuthorization device =
        grants
            .deviceByDeviceCode(deviceCode)
            .orElseThrow(
                () ->
                    new EntraError.Failure(
                        400,
                        "bad_verification_code",
                        70018,
                        "Invalid verification code was provided."));
    if (!device.client.clientId().equals(client.clientId())) {
      // Code and wording unverified.
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          70000,
          "The provided value for the input parameter "
              + "'device_code' is not valid. It was issued to another client.");
    }
    Instant now = clock.instant();
    if (device.expired(now)) {
      throw new EntraError.Failure(400, "expired_token", 70019, "Verification code expired.");
    }
    if (device.status == DeviceAuthorization.Status.REDEEMED) {
      // Code from entra-oauth.md §5.4 ("already authorized or declined"); its use at the token
      // endpoint is unverified.
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          90120,
          "The device code was already redeemed. Start a new device code flow.");
    }
    Instant previous = device.lastPoll;
    device.lastPoll = now;
    boolean tooFast =
        settings.deviceCodeIntervalSeconds() > 0
            && previous != null
            && now.isBefore(previous.plusSeconds(settings.deviceCodeIntervalSeconds()));
    if (device.slowDownNext || tooFast) {
      device.slowDownNext = false;
      // RFC 8628 §3.5 error; Entra documents no code for it: 70016 (device flow family) is our
      // choice, unverified.
      throw new EntraError.Failure(
          400,
          "slow_down",
          70016,
          "OAuth 2.0 device flow error. Polling too frequently: "
              + "wait at least the interval plus 5 seconds between requests.");
    }
    device.autoDecide(settings, authorities, now);
    switch (device.status) {
      case PENDING ->
          throw new EntraError.Failure(
              400,
              "authorization_pending",
              70016,
              "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
      // Entra's error name; the code (65004, "user declined consent") is our choice, unverified.
      case DECLINED ->
          throw new EntraError.Failure(
              400,
              "authorization_declined",
              65004,
              "The user declined to authorize the request (device code flow).");
      default -> {}
    }
    UUID tenant =
        device.authority.tenant() != null
            ? device.authority.tenant().id()
            : device.user.homeTenantId();
    if (grants.deviceFlowBlocked(tenant)) {
      // Code from entra-oauth.md §10.2 ("blocked by Conditional Access"); the error name is
      // unverified.
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          53003,
          "Access has been blocked by Conditional Access "
              + "policies. The access policy does not allow token issuance. (Device code flow is blocked in tenant '"
              + tenant
              + "'.)");
    }
    device.status = DeviceAuthorization.Status.REDEEMED;
    return issuer.issue(device.user, tenant, client, device.scopes, null, false, root);
  }
}
