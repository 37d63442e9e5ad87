package io.adoconnect.simulator.entra;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The grant state every endpoint shares, in memory: device authorizations, pending browser
 * sign-ins, authorization codes, refresh and access tokens — Spring Authorization Server's {@code
 * InMemoryOAuth2AuthorizationService} in role. The endpoints run under the {@link EntraService}
 * lock; only access tokens (read by every Azure DevOps request) sit in a concurrent map.
 */
final class GrantStore {
  private static final String USER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();
  private final Map<String, DeviceAuthorization> devices = new LinkedHashMap<>();
  private final Map<String, AuthorizationRequest> authorizationRequests = new LinkedHashMap<>();
  private final Map<String, AuthorizationCode> codes = new LinkedHashMap<>();
  private final Set<String> redeemedCodes = ConcurrentHashMap.newKeySet();
  private final Map<String, RefreshGrant> refreshTokens = new LinkedHashMap<>();
  private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
  private final Set<UUID> deviceFlowBlocked = ConcurrentHashMap.newKeySet();
  private String lastUserCode;

  /** {@code bytes} random bytes, base64url: the opaque part of codes and tokens. */
  String randomToken(int bytes) {
    byte[] data = new byte[bytes];
    random.nextBytes(data);
    return BASE64URL.encodeToString(data);
  }

  // ------------------------------------------------------------------ device authorizations

  /** A user code no current device authorization has: 9 letters and digits without look-alikes. */
  String newUserCode() {
    String userCode;
    do {
      StringBuilder code = new StringBuilder();
      for (int i = 0; i < 9; i++) {
        code.append(USER_CODE_ALPHABET.charAt(random.nextInt(USER_CODE_ALPHABET.length())));
      }
      userCode = code.toString();
    } while (deviceByUserCode(userCode).isPresent());
    return userCode;
  }

  void save(DeviceAuthorization device) {
    devices.put(device.deviceCode, device);
    lastUserCode = device.userCode;
  }

  Optional<DeviceAuthorization> deviceByDeviceCode(String deviceCode) {
    return Optional.ofNullable(devices.get(deviceCode));
  }

  /** By user code as a person types it: any case, spaces and dashes ignored. */
  Optional<DeviceAuthorization> deviceByUserCode(String userCode) {
    String normalized =
        userCode == null ? "" : userCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return devices.values().stream().filter(d -> d.userCode.equals(normalized)).findFirst();
  }

  /** A test hook's lookup: an unknown user code is a mistake in the test. */
  DeviceAuthorization requireDevice(String userCode) {
    return deviceByUserCode(userCode)
        .orElseThrow(
            () ->
                new IllegalArgumentException("No device authorization with user code " + userCode));
  }

  Optional<String> lastUserCode() {
    return Optional.ofNullable(lastUserCode);
  }

  void blockDeviceFlow(UUID tenant, boolean blocked) {
    if (blocked) {
      deviceFlowBlocked.add(tenant);
    } else {
      deviceFlowBlocked.remove(tenant);
    }
  }

  boolean deviceFlowBlocked(UUID tenant) {
    return deviceFlowBlocked.contains(tenant);
  }

  // ------------------------------------------------------------------ browser sign-ins and codes

  void save(AuthorizationRequest request) {
    authorizationRequests.put(request.id(), request);
  }

  Optional<AuthorizationRequest> authorizationRequest(String id) {
    return Optional.ofNullable(authorizationRequests.get(id));
  }

  void remove(AuthorizationRequest request) {
    authorizationRequests.remove(request.id());
  }

  void save(AuthorizationCode code) {
    codes.put(code.code(), code);
  }

  Optional<AuthorizationCode> code(String value) {
    return Optional.ofNullable(codes.get(value));
  }

  boolean redeemed(String code) {
    return redeemedCodes.contains(code);
  }

  /** The code is used up: a second redemption answers AADSTS54005. */
  void redeem(AuthorizationCode code) {
    codes.remove(code.code());
    redeemedCodes.add(code.code());
  }

  // ------------------------------------------------------------------ tokens

  void save(String refreshToken, RefreshGrant grant) {
    refreshTokens.put(refreshToken, grant);
  }

  Optional<RefreshGrant> refreshGrant(String refreshToken) {
    return Optional.ofNullable(refreshTokens.get(refreshToken));
  }

  void revokeRefreshTokens() {
    refreshTokens.values().forEach(grant -> grant.revoked = true);
  }

  void save(String accessToken, AccessGrant grant) {
    accessTokens.put(accessToken, grant);
  }

  Optional<AccessGrant> accessGrant(String accessToken) {
    return Optional.ofNullable(accessTokens.get(accessToken));
  }

  /** Every access token issued so far expires at {@code now}. */
  void expireAccessTokens(Instant now) {
    accessTokens.replaceAll(
        (token, g) ->
            new AccessGrant(g.user(), g.tenantId(), g.audience(), g.clientId(), now, g.scopes()));
  }
}
