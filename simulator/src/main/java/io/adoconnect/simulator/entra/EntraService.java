package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The simulated Entra ID: routes each request to the class of its protocol step, and offers the
 * test hooks. Used through {@code Simulator}; see {@link EntraDirectory} for the tenants and users.
 *
 * <p>Laid out like Spring Authorization Server: one class per endpoint ({@link
 * DeviceAuthorizationEndpoint}, {@link TokenEndpoint} with a {@link TokenGrant} per grant type,
 * {@link AuthorizeEndpoint}, {@link DeviceLoginPage}, {@link MetadataEndpoint}) over one shared
 * {@link GrantStore}, with time from an injected {@link Clock} so tests move it instead of
 * sleeping. Requests and hooks run one at a time under this object's lock.
 *
 * <h2>URL layout (relative to the simulator root, which plays {@code login.microsoftonline.com})
 * </h2>
 *
 * <ul>
 *   <li>{@code POST /{tenant}/oauth2/v2.0/devicecode}, {@code POST /{tenant}/oauth2/v2.0/token},
 *       {@code GET|POST /{tenant}/oauth2/v2.0/authorize}, {@code GET
 *       /{tenant}/v2.0/.well-known/openid-configuration}, {@code GET
 *       /{tenant}/discovery/v2.0/keys}, where {@code tenant} is {@code common}, {@code
 *       organizations}, {@code consumers} (refused for flows with AADSTS9002332), a tenant id or a
 *       tenant domain.
 *   <li>{@code GET|POST /devicelogin}: the verification page (microsoft.com/devicelogin).
 *   <li>{@code GET /error?code=N}: the page {@code error_uri} points at.
 * </ul>
 */
public final class EntraService {

  /**
   * The Entra part of {@code SimulatorConfig}: lifetimes, the polling interval, automatic decisions
   * and whether refresh tokens are single use (see there for each).
   */
  public record Settings(
      int autoApproveAfterSeconds,
      boolean autoDecline,
      int accessTokenLifetimeSeconds,
      int deviceCodeLifetimeSeconds,
      long refreshTokenLifetimeSeconds,
      int deviceCodeIntervalSeconds,
      boolean singleUseRefreshTokens) {}

  private final EntraDirectory directory;
  private final Clock clock;
  private final GrantStore grants = new GrantStore();
  private final Clients clients = new Clients();
  private final Authorities authorities;
  private final DeviceAuthorizationEndpoint deviceAuthorization;
  private final TokenEndpoint token;
  private final AuthorizeEndpoint authorize;
  private final DeviceLoginPage deviceLogin;
  private final MetadataEndpoint metadata;

  public EntraService(EntraDirectory directory, Settings settings, Clock clock) {
    this.directory = directory;
    this.clock = clock;
    this.authorities = new Authorities(directory);
    TokenIssuer issuer = new TokenIssuer(grants, settings, clock);
    this.deviceAuthorization =
        new DeviceAuthorizationEndpoint(clients, authorities, grants, settings, clock);
    this.token =
        new TokenEndpoint(
            clients,
            authorities,
            List.of(
                new DeviceCodeGrant(grants, authorities, issuer, settings, clock),
                new RefreshTokenGrant(grants, issuer, settings, clock),
                new AuthorizationCodeGrant(grants, issuer, clock)));
    this.authorize = new AuthorizeEndpoint(clients, authorities, grants, clock);
    this.deviceLogin = new DeviceLoginPage(grants, authorities, settings, clock);
    this.metadata = new MetadataEndpoint(issuer);
  }

  public EntraDirectory directory() {
    return directory;
  }

  // ---------------------------------------------------------------- routing

  /**
   * Whether {@code request} is an Entra route (decided by path shape; organizations never match).
   */
  public static boolean handles(Request request) {
    List<String> s = request.segments();
    if (s.size() == 1) {
      return s.get(0).equals("devicelogin") || s.get(0).equals("error");
    }
    if (s.size() == 4 && s.get(1).equals("oauth2") && s.get(2).equals("v2.0")) {
      return true;
    }
    return s.size() == 4
        && (s.get(1).equals("v2.0") && s.get(2).equals(".well-known")
            || s.get(1).equals("discovery") && s.get(2).equals("v2.0"));
  }

  /** Answers an Entra route; {@code root} is the simulator's base URL without trailing slash. */
  public synchronized Response handle(Request request, byte[] body, String root) {
    Map<String, String> form = Request.parseQuery(new String(body, StandardCharsets.UTF_8));
    List<String> s = request.segments();
    try {
      if (s.size() == 1) {
        return s.get(0).equals("error")
            ? EntraPages.errorCode(request.queryParameter("code").orElse(""))
            : deviceLogin.handle(request, form);
      }
      String endpoint = String.join("/", s.subList(1, s.size()));
      return switch (endpoint) {
        case "oauth2/v2.0/devicecode" ->
            postOnly(request, () -> deviceAuthorization.handle(request, form, root));
        case "oauth2/v2.0/token" -> postOnly(request, () -> token.handle(request, form, root));
        case "oauth2/v2.0/authorize" -> authorize.handle(request, form);
        case "v2.0/.well-known/openid-configuration" ->
            metadata.openidConfiguration(authorities.resolve(s.get(0)), root);
        case "discovery/v2.0/keys" -> metadata.keys(authorities.resolve(s.get(0)), root);
        default -> EntraPages.notFound();
      };
    } catch (EntraError.Failure failure) {
      return failure.response(request, root, clock.instant());
    }
  }

  private static Response postOnly(Request request, Supplier<Response> handler) {
    if (!request.method().equals("POST")) {
      // Wording unverified.
      throw new EntraError.Failure(
          400,
          "invalid_request",
          900561,
          "The endpoint only accepts POST requests. Received a " + request.method() + " request.");
    }
    return handler.get();
  }

  /** The grant behind an access token this simulator issued, if it is known and has not expired. */
  public Optional<AccessGrant> accessToken(String token) {
    return grants.accessGrant(token).filter(g -> clock.instant().isBefore(g.expiresAt()));
  }

  // ---------------------------------------------------------------- test hooks

  private DeviceAuthorization pending(String userCode) {
    DeviceAuthorization device = grants.requireDevice(userCode);
    Instant now = clock.instant();
    if (device.status != DeviceAuthorization.Status.PENDING || device.expired(now)) {
      throw new IllegalStateException(
          "Device authorization "
              + userCode
              + " is no longer pending: "
              + (device.expired(now) ? "expired" : device.status));
    }
    return device;
  }

  public synchronized void approve(String userCode, String userPrincipalName) {
    DeviceAuthorization device = pending(userCode);
    device.approve(
        authorities.eligibleUsers(device.authority).stream()
            .filter(u -> u.userPrincipalName().equalsIgnoreCase(userPrincipalName))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        userPrincipalName + " cannot sign in to " + device.authority.segment())));
  }

  public synchronized void approve(String userCode) {
    DeviceAuthorization device = pending(userCode);
    device.approve(authorities.eligibleUsers(device.authority).get(0));
  }

  public synchronized void decline(String userCode) {
    pending(userCode).status = DeviceAuthorization.Status.DECLINED;
  }

  public synchronized void expire(String userCode) {
    grants.requireDevice(userCode).expired = true;
  }

  public synchronized void slowDownNext(String userCode) {
    grants.requireDevice(userCode).slowDownNext = true;
  }

  public synchronized String lastUserCode() {
    return grants
        .lastUserCode()
        .orElseThrow(() -> new IllegalStateException("No device authorization was requested yet"));
  }

  public synchronized void revokeRefreshTokens() {
    grants.revokeRefreshTokens();
  }

  public synchronized boolean revokeRefreshToken(String token) {
    Optional<RefreshGrant> grant = grants.refreshGrant(token);
    grant.ifPresent(g -> g.revoked = true);
    return grant.isPresent();
  }

  public void expireAccessTokens() {
    grants.expireAccessTokens(clock.instant());
  }

  public void blockDeviceCodeFlow(String tenantIdOrDomain, boolean blocked) {
    UUID tenant =
        directory
            .tenant(tenantIdOrDomain)
            .orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + tenantIdOrDomain))
            .id();
    grants.blockDeviceFlow(tenant, blocked);
  }

  public void registerClient(String clientId, String secret, List<String> redirectUris) {
    clients.register(clientId, secret, redirectUris);
  }
}
