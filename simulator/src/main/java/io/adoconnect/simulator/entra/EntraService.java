package io.adoconnect.simulator.entra;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.PathCodec;
import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated Entra ID: routes, grant state and test hooks. Used through {@code Simulator}; see
 * {@link EntraDirectory} for the tenants and users.
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

  /** How a {@link #accessToken(String) validated} access token identifies its bearer. */
  public record AccessGrant(
      EntraUser user, UUID tenantId, String audience, String clientId, Instant expiresAt) {}

  /** Grant-related settings (a subset of {@code SimulatorConfig}). */
  public record Settings(
      int autoApproveAfterSeconds,
      boolean autoDecline,
      int accessTokenLifetimeSeconds,
      int deviceCodeLifetimeSeconds,
      long refreshTokenLifetimeSeconds,
      int deviceCodeIntervalSeconds,
      boolean rotateRefreshTokens) {}

  static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
  private static final Duration AUTHORIZATION_CODE_LIFETIME = Duration.ofMinutes(10);
  private static final String USER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  enum Status {
    PENDING,
    APPROVED,
    DECLINED,
    REDEEMED
  }

  enum AuthorityKind {
    COMMON,
    ORGANIZATIONS,
    CONSUMERS,
    TENANT
  }

  /**
   * The {@code {tenant}} path segment, resolved. {@code tenant} is null unless {@code kind ==
   * TENANT}.
   */
  record Authority(String segment, AuthorityKind kind, EntraTenant tenant) {
    boolean sameAs(Authority other) {
      return kind == other.kind && (tenant == null || tenant.equals(other.tenant));
    }
  }

  record Client(
      String clientId,
      String displayName,
      String secret,
      List<String> redirectUris,
      boolean anyLoopback) {
    boolean confidential() {
      return secret != null;
    }
  }

  static final class DeviceAuthorization {
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
  }

  record AuthorizationRequest(
      String id,
      Client client,
      String redirectUri,
      ScopeSet scopes,
      String state,
      String challenge,
      String challengeMethod,
      String nonce,
      String responseMode,
      Authority authority,
      String loginHint) {}

  record AuthorizationCode(
      String code, AuthorizationRequest request, EntraUser user, UUID tenantId, Instant expires) {}

  static final class RefreshGrant {
    final Client client;
    final EntraUser user;
    final UUID tenantId;
    final ScopeSet scopes;
    final Instant issued;
    final Instant expires;
    boolean revoked;
    boolean used;

    RefreshGrant(
        Client client,
        EntraUser user,
        UUID tenantId,
        ScopeSet scopes,
        Instant issued,
        Instant expires) {
      this.client = client;
      this.user = user;
      this.tenantId = tenantId;
      this.scopes = scopes;
      this.issued = issued;
      this.expires = expires;
    }
  }

  private final EntraDirectory directory;
  private final Settings settings;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Client> clients = new ConcurrentHashMap<>();
  private final Map<String, DeviceAuthorization> devices = new LinkedHashMap<>();
  private final Map<String, AuthorizationRequest> authorizeRequests = new LinkedHashMap<>();
  private final Map<String, AuthorizationCode> codes = new LinkedHashMap<>();
  private final Map<String, RefreshGrant> refreshTokens = new LinkedHashMap<>();
  private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
  private final Set<UUID> deviceFlowBlocked = ConcurrentHashMap.newKeySet();
  private final Set<String> redeemedCodes = ConcurrentHashMap.newKeySet();
  private volatile SigningKey key;
  private String lastUserCode;

  public EntraService(EntraDirectory directory, Settings settings) {
    this.directory = directory;
    this.settings = settings;
    clients.put(
        EntraDirectory.VISUAL_STUDIO_CLIENT_ID,
        new Client(EntraDirectory.VISUAL_STUDIO_CLIENT_ID, "Visual Studio", null, List.of(), true));
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
            : deviceLogin(request, form, root);
      }
      String endpoint = String.join("/", s.subList(1, s.size()));
      return switch (endpoint) {
        case "oauth2/v2.0/devicecode" -> postOnly(request, () -> deviceCode(request, form, root));
        case "oauth2/v2.0/token" -> postOnly(request, () -> token(request, form, root));
        case "oauth2/v2.0/authorize" -> authorize(request, form, root);
        case "v2.0/.well-known/openid-configuration" -> metadata(authority(s.get(0)), root);
        case "discovery/v2.0/keys" -> keys(authority(s.get(0)), root);
        default -> EntraPages.notFound();
      };
    } catch (EntraError.Failure failure) {
      return failure.response(request, root);
    }
  }

  private static Response postOnly(Request request, java.util.function.Supplier<Response> handler) {
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

  Authority authority(String segment) {
    return switch (segment.toLowerCase(Locale.ROOT)) {
      case "common" -> new Authority("common", AuthorityKind.COMMON, null);
      case "organizations" -> new Authority("organizations", AuthorityKind.ORGANIZATIONS, null);
      case "consumers" -> new Authority("consumers", AuthorityKind.CONSUMERS, null);
      default ->
          directory
              .tenant(segment)
              .map(t -> new Authority(segment, AuthorityKind.TENANT, t))
              // Code from Entra's error reference; wording unverified.
              .orElseThrow(
                  () ->
                      new EntraError.Failure(
                          400,
                          "invalid_request",
                          90002,
                          "Tenant '"
                              + segment
                              + "' not found. Check to make sure you have the correct tenant ID and are signing into the "
                              + "correct cloud."));
    };
  }

  private Authority flowAuthority(String segment, Client client) {
    Authority authority = authority(segment);
    if (authority.kind() == AuthorityKind.CONSUMERS) {
      // entra-oauth.md §2: AADSTS9002332 for Entra-only apps at /consumers. Error name unverified.
      throw new EntraError.Failure(
          400,
          "invalid_request",
          9002332,
          "Application '"
              + client.clientId()
              + "'("
              + client.displayName()
              + ") is configured for use by Azure Active Directory users only. Please do "
              + "not use the /consumers endpoint to serve this request.");
    }
    return authority;
  }

  // ---------------------------------------------------------------- metadata

  private static String tenantPath(Authority authority) {
    return authority.tenant() != null ? authority.tenant().id().toString() : authority.segment();
  }

  private static String issuer(Authority authority, String root) {
    return root
        + "/"
        + (authority.tenant() != null ? authority.tenant().id().toString() : "{tenantid}")
        + "/v2.0";
  }

  private Response metadata(Authority authority, String root) {
    String base = root + "/" + tenantPath(authority);
    ObjectNode m = Json.object();
    m.put("token_endpoint", base + "/oauth2/v2.0/token");
    m.set(
        "token_endpoint_auth_methods_supported",
        array("client_secret_post", "private_key_jwt", "client_secret_basic"));
    m.put("jwks_uri", base + "/discovery/v2.0/keys");
    m.set("response_modes_supported", array("query", "fragment", "form_post"));
    m.set("subject_types_supported", array("pairwise"));
    m.set("id_token_signing_alg_values_supported", array("RS256"));
    m.set("response_types_supported", array("code", "id_token", "code id_token", "id_token token"));
    m.set("scopes_supported", array("openid", "profile", "email", "offline_access"));
    m.put("issuer", issuer(authority, root));
    m.put("request_uri_parameter_supported", false);
    m.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
    m.put("device_authorization_endpoint", base + "/oauth2/v2.0/devicecode");
    m.put("http_logout_supported", true);
    m.put("frontchannel_logout_supported", true);
    m.set(
        "claims_supported",
        array(
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "acr",
            "nonce",
            "preferred_username",
            "name",
            "tid",
            "ver",
            "at_hash",
            "c_hash",
            "email"));
    m.set("code_challenge_methods_supported", array("plain", "S256"));
    m.set("grant_types_supported", array("authorization_code", "refresh_token", DEVICE_CODE_GRANT));
    return Json.ok(m);
  }

  private Response keys(Authority authority, String root) {
    ObjectNode body = Json.object();
    body.putArray("keys").add(signingKey().jwk(issuer(authority, root)));
    return Json.ok(body);
  }

  private static ArrayNode array(String... values) {
    ArrayNode node = Json.object().arrayNode();
    for (String v : values) {
      node.add(v);
    }
    return node;
  }

  private SigningKey signingKey() {
    SigningKey current = key;
    if (current == null) {
      synchronized (this) {
        if (key == null) {
          key = SigningKey.generate();
        }
        current = key;
      }
    }
    return current;
  }

  // ---------------------------------------------------------------- clients

  private Client client(String clientId) {
    if (clientId == null || clientId.isBlank()) {
      throw missing("client_id");
    }
    Client client = clients.get(clientId);
    if (client == null) {
      // Code from entra-oauth.md §10.2; the error name is unverified.
      throw new EntraError.Failure(
          400,
          "unauthorized_client",
          700016,
          "Application with identifier '"
              + clientId
              + "' was not found in the directory. This can happen if the application has not been installed by "
              + "the administrator of the tenant or consented to by any user in the tenant. You may have sent "
              + "your authentication request to the wrong tenant.");
    }
    return client;
  }

  /**
   * Client authentication at the token endpoint: {@code client_secret} in the form or HTTP Basic.
   */
  private Client authenticate(Request request, Map<String, String> form) {
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    Optional<String> basic =
        request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
    if (basic.isPresent()) {
      String pair =
          new String(
              Base64.getDecoder().decode(basic.get().substring(6).trim()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon > 0) {
        clientId = clientId == null ? formDecode(pair.substring(0, colon)) : clientId;
        secret = formDecode(pair.substring(colon + 1));
      }
    }
    Client client = client(clientId);
    if (client.confidential()) {
      if (secret == null) {
        throw new EntraError.Failure(
            401,
            "invalid_client",
            7000218,
            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
      }
      if (!secret.equals(client.secret())) {
        throw new EntraError.Failure(
            401,
            "invalid_client",
            7000215,
            "Invalid client secret provided. Ensure the "
                + "secret being sent in the request is the client secret value, not the client secret ID, for a "
                + "secret added to app '"
                + client.clientId()
                + "'.");
      }
    } else if (secret != null) {
      throw new EntraError.Failure(
          401,
          "invalid_client",
          700025,
          "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");
    }
    return client;
  }

  private static String formDecode(String raw) {
    return PathCodec.decode(raw.replace('+', ' '));
  }

  private static EntraError.Failure missing(String parameter) {
    // Code unverified (Entra's generic "missing parameter" code).
    return new EntraError.Failure(
        400,
        "invalid_request",
        900144,
        "The request body must contain the following parameter: '" + parameter + "'.");
  }

  private static String required(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null || value.isEmpty()) {
      throw missing(name);
    }
    return value;
  }

  // ---------------------------------------------------------------- device code

  private Response deviceCode(Request request, Map<String, String> form, String root) {
    Client client = client(form.get("client_id"));
    Authority authority = flowAuthority(request.segments().get(0), client);
    ScopeSet scopes = ScopeSet.parse(form.get("scope"));
    Instant now = Instant.now();
    String userCode;
    do {
      userCode = userCode();
    } while (findByUserCode(userCode).isPresent());
    String deviceCode = "DAQABIQEAAAD" + randomToken(96);
    DeviceAuthorization device =
        new DeviceAuthorization(
            deviceCode,
            userCode,
            client,
            scopes,
            authority,
            now,
            now.plusSeconds(settings.deviceCodeLifetimeSeconds()));
    devices.put(deviceCode, device);
    lastUserCode = userCode;
    String verificationUri = root + "/devicelogin";
    ObjectNode body = Json.object();
    body.put("user_code", userCode);
    body.put("device_code", deviceCode);
    body.put("verification_uri", verificationUri);
    body.put("expires_in", settings.deviceCodeLifetimeSeconds());
    body.put("interval", settings.deviceCodeIntervalSeconds());
    body.put(
        "message",
        "To sign in, use a web browser to open the page "
            + verificationUri
            + " and enter the code "
            + userCode
            + " to authenticate.");
    return EntraError.noStore(Json.ok(body));
  }

  private String userCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      code.append(USER_CODE_ALPHABET.charAt(random.nextInt(USER_CODE_ALPHABET.length())));
    }
    return code.toString();
  }

  private Optional<DeviceAuthorization> findByUserCode(String userCode) {
    String normalized =
        userCode == null ? "" : userCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return devices.values().stream().filter(d -> d.userCode.equals(normalized)).findFirst();
  }

  private boolean expired(DeviceAuthorization device, Instant now) {
    return device.expired || !now.isBefore(device.expires);
  }

  /** Applies {@code autoApproveAfterSeconds} / {@code autoDecline} to a pending authorization. */
  private void autoDecide(DeviceAuthorization device, Instant now) {
    if (device.status != Status.PENDING
        || !settings.autoDecline() && settings.autoApproveAfterSeconds() < 0) {
      return;
    }
    if (!now.isBefore(
        device.created.plusSeconds(Math.max(0, settings.autoApproveAfterSeconds())))) {
      if (settings.autoDecline()) {
        device.status = Status.DECLINED;
      } else {
        device.user = eligibleUsers(device.authority).get(0);
        device.status = Status.APPROVED;
      }
    }
  }

  private Response deviceCodeGrant(
      Map<String, String> form, Client client, Authority authority, String root) {
    String deviceCode = required(form, "device_code");
    DeviceAuthorization device = devices.get(deviceCode);
    if (device == null) {
      throw new EntraError.Failure(
          400, "bad_verification_code", 70018, "Invalid verification code was provided.");
    }
    if (!device.client.clientId().equals(client.clientId())) {
      // Code and wording unverified.
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          70000,
          "The provided value for the input parameter "
              + "'device_code' is not valid. It was issued to another client.");
    }
    Instant now = Instant.now();
    if (expired(device, now)) {
      throw new EntraError.Failure(400, "expired_token", 70019, "Verification code expired.");
    }
    if (device.status == Status.REDEEMED) {
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
    autoDecide(device, now);
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
    if (deviceFlowBlocked.contains(tenant)) {
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
    device.status = Status.REDEEMED;
    return issue(device.user, tenant, client, device.scopes, null, false, root);
  }

  // ---------------------------------------------------------------- token endpoint

  private Response token(Request request, Map<String, String> form, String root) {
    String grantType = required(form, "grant_type");
    Client client = authenticate(request, form);
    Authority authority = flowAuthority(request.segments().get(0), client);
    return switch (grantType) {
      case DEVICE_CODE_GRANT -> deviceCodeGrant(form, client, authority, root);
      case "refresh_token" -> refreshGrant(form, client, authority, root);
      case "authorization_code" -> authorizationCodeGrant(form, client, authority, root);
      // Code and wording unverified.
      default ->
          throw new EntraError.Failure(
              400,
              "unsupported_grant_type",
              70003,
              "The app requested an unsupported grant type '" + grantType + "'.");
    };
  }

  private Response refreshGrant(
      Map<String, String> form, Client client, Authority authority, String root) {
    String token = required(form, "refresh_token");
    RefreshGrant grant = refreshTokens.get(token);
    if (grant == null || !grant.client.clientId().equals(client.clientId())) {
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          70000,
          "The provided value for the input parameter 'refresh_token' or 'assertion' is not valid.");
    }
    Instant now = Instant.now();
    if (grant.revoked) {
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          50173,
          "The provided grant has expired due to it being "
              + "revoked, a fresh auth token is needed. The user might have changed or reset their password. The "
              + "grant was issued on '"
              + grant.issued
              + "' and the TokensValidFrom date (before which tokens are "
              + "not valid) for this user is '"
              + now
              + "'.");
    }
    if (grant.used) {
      // Real Entra keeps the old token valid (entra-oauth.md §7.2): this answer only exists with
      // rotateRefreshTokens.
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          70000,
          "The provided value for the input parameter "
              + "'refresh_token' or 'assertion' is not valid. The refresh token was already used (the simulator "
              + "invalidates rotated refresh tokens).");
    }
    if (!now.isBefore(grant.expires)) {
      Duration idle = Duration.between(grant.issued, now);
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          700082,
          "The refresh token has expired due to inactivity. "
              + "The token was issued on "
              + grant.issued
              + " and was inactive for "
              + String.format(
                  Locale.ROOT,
                  "%d.%02d:%02d:%02d",
                  idle.toDays(),
                  idle.toHoursPart(),
                  idle.toMinutesPart(),
                  idle.toSecondsPart())
              + ".");
    }
    UUID tenant = authority.tenant() != null ? authority.tenant().id() : grant.tenantId;
    if (grant.user.membership(tenant).isEmpty()) {
      // Code from entra-oauth.md §10.2 (50020); wording unverified.
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          50020,
          "User account '"
              + grant.user.userPrincipalName()
              + "' from identity provider '"
              + root
              + "/"
              + grant.user.homeTenantId()
              + "/' does not exist in tenant '"
              + authority.tenant().displayName()
              + "' and cannot access the application '"
              + client.clientId()
              + "'("
              + client.displayName()
              + ") in that tenant. The account needs to be added as an external user "
              + "in the tenant first.");
    }
    ScopeSet scopes = form.containsKey("scope") ? ScopeSet.parse(form.get("scope")) : grant.scopes;
    if (settings.rotateRefreshTokens()) {
      grant.used = true;
    }
    return issue(grant.user, tenant, client, scopes, null, true, root);
  }

  private Response authorizationCodeGrant(
      Map<String, String> form, Client client, Authority authority, String root) {
    String value = required(form, "code");
    if (redeemedCodes.contains(value)) {
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          54005,
          "OAuth2 Authorization code was already redeemed, "
              + "please retry with a new valid code or use an existing refresh token.");
    }
    AuthorizationCode code = codes.get(value);
    if (code == null || !code.request().client().clientId().equals(client.clientId())) {
      // Code unverified.
      throw new EntraError.Failure(
          400, "invalid_grant", 70000, "The provided value for the 'code' parameter is not valid.");
    }
    String redirectUri = required(form, "redirect_uri");
    if (Instant.now().isAfter(code.expires())) {
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          70008,
          "The provided authorization code or refresh token "
              + "has expired due to inactivity. Send a new interactive authorization request for this user and resource.");
    }
    if (!code.request().authority().sameAs(authority)) {
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          700005,
          "Provided Authorization Code is intended to use against other tenant, thus rejected.");
    }
    if (!redirectUri.equals(code.request().redirectUri())) {
      // AADSTS500112 is not in the reference (from memory): unverified.
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          500112,
          "The reply address '"
              + redirectUri
              + "' does not match the reply address '"
              + code.request().redirectUri()
              + "' provided when requesting Authorization code.");
    }
    String challenge = code.request().challenge();
    if (challenge != null) {
      String verifier = form.get("code_verifier");
      if (verifier == null || verifier.isEmpty()) {
        throw missing("code_verifier");
      }
      String computed =
          code.request().challengeMethod().equals("S256")
              ? SigningKey.sha256Base64Url(verifier)
              : verifier;
      if (!computed.equals(challenge)) {
        throw new EntraError.Failure(
            400,
            "invalid_grant",
            501481,
            "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
      }
    }
    codes.remove(value);
    redeemedCodes.add(value);
    return issue(
        code.user(),
        code.tenantId(),
        client,
        code.request().scopes(),
        code.request().nonce(),
        false,
        root);
  }

  // ---------------------------------------------------------------- issuing

  private Response issue(
      EntraUser user,
      UUID tenant,
      Client client,
      ScopeSet scopes,
      String nonce,
      boolean refresh,
      String root) {
    Instant now = Instant.now();
    long lifetime = settings.accessTokenLifetimeSeconds();
    Instant expires = now.plusSeconds(lifetime);
    UUID oid = user.objectId(tenant);
    String sub = SigningKey.sha256Base64Url(oid + "/" + client.clientId());

    ObjectNode access = Json.object();
    access.put("aud", scopes.audience());
    access.put("iss", root + "/" + tenant + "/");
    access.put("iat", now.getEpochSecond());
    access.put("nbf", now.getEpochSecond());
    access.put("exp", expires.getEpochSecond());
    access.put("appid", client.clientId());
    access.put("name", user.displayName());
    access.put("oid", oid.toString());
    access.put("scp", scopes.scp());
    access.put("sub", sub);
    access.put("tid", tenant.toString());
    access.put("unique_name", user.userPrincipalName());
    access.put("upn", user.userPrincipalName());
    access.put("uti", randomToken(16));
    access.put("ver", "1.0");
    String accessToken = signingKey().sign(access);
    accessTokens.put(
        accessToken, new AccessGrant(user, tenant, scopes.audience(), client.clientId(), expires));

    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("scope", scopes.granted());
    body.put("expires_in", lifetime);
    body.put("ext_expires_in", lifetime);
    body.put("access_token", accessToken);
    if (scopes.offlineAccess() || refresh) {
      String refreshToken = "1.AXkA" + randomToken(200);
      refreshTokens.put(
          refreshToken,
          new RefreshGrant(
              client,
              user,
              tenant,
              scopes,
              now,
              now.plusSeconds(settings.refreshTokenLifetimeSeconds())));
      body.put("refresh_token", refreshToken);
    }
    if (scopes.openid()) {
      ObjectNode id = Json.object();
      id.put("aud", client.clientId());
      id.put("iss", root + "/" + tenant + "/v2.0");
      id.put("iat", now.getEpochSecond());
      id.put("nbf", now.getEpochSecond());
      id.put("exp", expires.getEpochSecond());
      id.put("email", user.email());
      id.put("name", user.displayName());
      if (nonce != null) {
        id.put("nonce", nonce);
      }
      id.put("oid", oid.toString());
      id.put("preferred_username", user.userPrincipalName());
      id.put("sub", sub);
      id.put("tid", tenant.toString());
      id.put("ver", "2.0");
      body.put("id_token", signingKey().sign(id));
    }
    return EntraError.noStore(Json.ok(body));
  }

  private String randomToken(int bytes) {
    byte[] data = new byte[bytes];
    random.nextBytes(data);
    return BASE64URL.encodeToString(data);
  }

  /** The grant behind an access token this simulator issued, if it is known and has not expired. */
  public Optional<AccessGrant> accessToken(String token) {
    AccessGrant grant = accessTokens.get(token);
    return grant != null && Instant.now().isBefore(grant.expiresAt())
        ? Optional.of(grant)
        : Optional.empty();
  }

  // ---------------------------------------------------------------- authorize (browser)

  private List<EntraUser> eligibleUsers(Authority authority) {
    return authority.tenant() != null
        ? directory.usersOf(authority.tenant().id())
        : directory.users();
  }

  private static boolean loopback(String redirectUri) {
    try {
      URI uri = URI.create(redirectUri);
      return "http".equals(uri.getScheme())
          && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()))
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Response authorize(Request request, Map<String, String> form, String root) {
    boolean post = request.method().equals("POST");
    if (post && form.containsKey("request_id")) {
      return authorizeDecision(form);
    }
    Map<String, String> params = post ? form : request.query();
    Authority authority;
    Client client;
    try {
      client = client(params.get("client_id"));
      authority = authority(request.segments().get(0));
    } catch (EntraError.Failure failure) {
      return EntraPages.signInError(failure.code, failure.getMessage());
    }
    String redirectUri = params.get("redirect_uri");
    boolean allowed =
        redirectUri != null
            && (client.redirectUris().contains(redirectUri)
                || client.anyLoopback() && loopback(redirectUri));
    if (!allowed) {
      return EntraPages.signInError(
          50011,
          "The redirect URI '"
              + (redirectUri == null ? "" : redirectUri)
              + "' specified in the request does not match the redirect URIs configured for the application '"
              + client.clientId()
              + "'. Make sure the redirect URI sent in the request matches one added to your "
              + "application in the Azure portal.");
    }
    String state = params.get("state");
    String responseMode = params.getOrDefault("response_mode", "query");
    if (!"code".equals(params.get("response_type"))) {
      return redirect(
          redirectUri,
          responseMode,
          errorParams(
              "unsupported_response_type",
              70005,
              "response_type '" + params.getOrDefault("response_type", "") + "' is not supported.",
              state));
    }
    String method = params.get("code_challenge_method");
    String challenge = params.get("code_challenge");
    if (challenge != null && method == null) {
      method = "plain";
    }
    if (method != null && !method.equals("S256") && !method.equals("plain")) {
      return redirect(
          redirectUri,
          responseMode,
          errorParams(
              "invalid_request", 501491, "Invalid code_challenge_method '" + method + "'.", state));
    }
    ScopeSet scopes;
    try {
      flowAuthority(request.segments().get(0), client);
      scopes = ScopeSet.parse(params.get("scope"));
    } catch (EntraError.Failure failure) {
      return redirect(
          redirectUri,
          responseMode,
          errorParams(failure.error, failure.code, failure.getMessage(), state));
    }
    String id = randomToken(24);
    AuthorizationRequest pending =
        new AuthorizationRequest(
            id,
            client,
            redirectUri,
            scopes,
            state,
            challenge,
            method,
            params.get("nonce"),
            responseMode,
            authority,
            params.get("login_hint"));
    authorizeRequests.put(id, pending);
    return EntraPages.signIn(request.segments().get(0), pending, eligibleUsers(authority), null);
  }

  private Response authorizeDecision(Map<String, String> form) {
    AuthorizationRequest pending = authorizeRequests.get(form.get("request_id"));
    if (pending == null) {
      return EntraPages.signInError(
          90015, "The sign-in request is unknown or was already completed.");
    }
    String action = form.getOrDefault("action", "");
    if (action.equals("cancel")) {
      authorizeRequests.remove(pending.id());
      return redirect(
          pending.redirectUri(),
          pending.responseMode(),
          errorParams(
              "access_denied",
              65004,
              "User declined to consent to access the app.",
              pending.state()));
    }
    List<EntraUser> users = eligibleUsers(pending.authority());
    String upn = form.get("user");
    Optional<EntraUser> user =
        upn == null
            ? Optional.of(users.get(0))
            : users.stream().filter(u -> u.userPrincipalName().equalsIgnoreCase(upn)).findFirst();
    if (!action.equals("accept") || user.isEmpty()) {
      return EntraPages.signIn(
          pending.authority().segment(),
          pending,
          users,
          user.isEmpty() ? "Choose one of the accounts listed." : "Choose Accept or Cancel.");
    }
    authorizeRequests.remove(pending.id());
    UUID tenant =
        pending.authority().tenant() != null
            ? pending.authority().tenant().id()
            : user.get().homeTenantId();
    String code = "1.AXkA" + randomToken(120);
    codes.put(
        code,
        new AuthorizationCode(
            code, pending, user.get(), tenant, Instant.now().plus(AUTHORIZATION_CODE_LIFETIME)));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    if (pending.state() != null) {
      params.put("state", pending.state());
    }
    return redirect(pending.redirectUri(), pending.responseMode(), params);
  }

  private static Map<String, String> errorParams(
      String error, int code, String message, String state) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error);
    params.put("error_description", "AADSTS" + code + ": " + message);
    if (state != null) {
      params.put("state", state);
    }
    return params;
  }

  private static Response redirect(
      String redirectUri, String responseMode, Map<String, String> params) {
    if ("form_post".equals(responseMode)) {
      return EntraPages.formPost(redirectUri, params);
    }
    StringBuilder query = new StringBuilder();
    params.forEach(
        (name, value) ->
            query
                .append(query.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    String separator =
        "fragment".equals(responseMode) ? "#" : redirectUri.contains("?") ? "&" : "?";
    return new Response(
        302,
        Map.of("Location", redirectUri + separator + query, "Cache-Control", "no-store"),
        new byte[0]);
  }

  // ---------------------------------------------------------------- /devicelogin

  private Response deviceLogin(Request request, Map<String, String> form, String root) {
    if (!request.method().equals("POST")) {
      return EntraPages.enterCode(null);
    }
    Instant now = Instant.now();
    Optional<DeviceAuthorization> found = findByUserCode(form.get("otc"));
    if (found.isEmpty() || expired(found.get(), now)) {
      return EntraPages.enterCode("That code didn't work. Check the code and try again.");
    }
    DeviceAuthorization device = found.get();
    autoDecide(device, now);
    if (device.status != Status.PENDING) {
      return EntraPages.enterCode(
          "That code has already been used. Request a new code from the app and try again.");
    }
    List<EntraUser> users = eligibleUsers(device.authority);
    String action = form.get("action");
    if (action == null) {
      return EntraPages.consent(device, users, null);
    }
    if (action.equals("decline")) {
      device.status = Status.DECLINED;
      return EntraPages.declined(device.client.displayName());
    }
    String upn = form.get("user");
    Optional<EntraUser> user =
        upn == null || upn.isBlank()
            ? Optional.of(users.get(0))
            : users.stream().filter(u -> u.userPrincipalName().equalsIgnoreCase(upn)).findFirst();
    if (!action.equals("approve") || user.isEmpty()) {
      return EntraPages.consent(
          device,
          users,
          user.isEmpty() ? "Choose one of the accounts listed." : "Choose Approve or Decline.");
    }
    device.user = user.get();
    device.status = Status.APPROVED;
    return EntraPages.approved(device.client.displayName());
  }

  // ---------------------------------------------------------------- hooks

  private DeviceAuthorization pending(String userCode) {
    DeviceAuthorization device =
        findByUserCode(userCode)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No device authorization with user code " + userCode));
    if (device.status != Status.PENDING || expired(device, Instant.now())) {
      throw new IllegalStateException(
          "Device authorization "
              + userCode
              + " is no longer pending: "
              + (expired(device, Instant.now()) ? "expired" : device.status));
    }
    return device;
  }

  public synchronized void approve(String userCode, String userPrincipalName) {
    DeviceAuthorization device = pending(userCode);
    EntraUser user =
        eligibleUsers(device.authority).stream()
            .filter(u -> u.userPrincipalName().equalsIgnoreCase(userPrincipalName))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        userPrincipalName + " cannot sign in to " + device.authority.segment()));
    device.user = user;
    device.status = Status.APPROVED;
  }

  public synchronized void approve(String userCode) {
    DeviceAuthorization device = pending(userCode);
    approve(userCode, eligibleUsers(device.authority).get(0).userPrincipalName());
  }

  public synchronized void decline(String userCode) {
    pending(userCode).status = Status.DECLINED;
  }

  public synchronized void expire(String userCode) {
    findByUserCode(userCode)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No device authorization with user code " + userCode))
            .expired =
        true;
  }

  public synchronized void slowDownNext(String userCode) {
    findByUserCode(userCode)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No device authorization with user code " + userCode))
            .slowDownNext =
        true;
  }

  public synchronized String lastUserCode() {
    if (lastUserCode == null) {
      throw new IllegalStateException("No device authorization was requested yet");
    }
    return lastUserCode;
  }

  public synchronized void revokeRefreshTokens() {
    refreshTokens.values().forEach(grant -> grant.revoked = true);
  }

  public synchronized boolean revokeRefreshToken(String token) {
    RefreshGrant grant = refreshTokens.get(token);
    if (grant != null) {
      grant.revoked = true;
    }
    return grant != null;
  }

  public void expireAccessTokens() {
    Instant now = Instant.now();
    accessTokens.replaceAll(
        (token, g) -> new AccessGrant(g.user(), g.tenantId(), g.audience(), g.clientId(), now));
  }

  public void blockDeviceCodeFlow(String tenantIdOrDomain, boolean blocked) {
    UUID tenant =
        directory
            .tenant(tenantIdOrDomain)
            .orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + tenantIdOrDomain))
            .id();
    if (blocked) {
      deviceFlowBlocked.add(tenant);
    } else {
      deviceFlowBlocked.remove(tenant);
    }
  }

  public void registerClient(String clientId, String secret, List<String> redirectUris) {
    clients.put(clientId, new Client(clientId, clientId, secret, List.copyOf(redirectUris), false));
  }

  /** Scope descriptions for the consent pages. */
  static List<String> describe(ScopeSet scopes) {
    List<String> lines = new ArrayList<>();
    for (String r : scopes.resource()) {
      lines.add(
          "Azure DevOps: "
              + (r.equals(".default")
                  ? "the permissions configured for the app (user_impersonation)"
                  : r));
    }
    if (scopes.openid()) {
      lines.add("Sign you in");
    }
    if (scopes.profile()) {
      lines.add("View your basic profile");
    }
    if (scopes.email()) {
      lines.add("View your email address");
    }
    if (scopes.offlineAccess()) {
      lines.add("Maintain access to data you have given it access to");
    }
    return lines;
  }
}
