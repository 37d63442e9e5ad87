package io.adoconnect.auth.entra;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.adoconnect.AuthenticationException;
import io.adoconnect.ConditionalAccessException;
import io.adoconnect.auth.Secret;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Sign-in with the OAuth 2.0 device authorization grant (RFC 8628) against Microsoft Entra ID:
 * {@link #start()} asks for a device code and a user code; the user enters the code at the
 * verification page; {@link #poll} asks the token endpoint whether they have.
 *
 * <pre>{@code
 * DeviceCodeFlow flow = new DeviceCodeFlow(settings, transport, Clock.systemUTC());
 * DeviceFlowSession session = flow.start();
 * show(session.userCode(), session.verificationUri());
 * PollResult done = flow.await(session, state -> print(state), () -> false, Sleeper.REAL);
 * }</pre>
 */
public final class DeviceCodeFlow {
  private final IdentityProvider provider;
  private final String tenant;
  private final NimbusTransport http;
  private final IdTokenVerifier verifier;
  private final Clock clock;

  /** Against Microsoft Entra ID, at the settings' tenant. */
  public DeviceCodeFlow(EntraSettings settings, HttpTransport transport, Clock clock) {
    this(settings.provider(settings.tenant()), settings.tenant(), transport, clock);
  }

  /** Against any OpenID provider that supports RFC 8628. */
  public DeviceCodeFlow(
      IdentityProvider provider, String tenant, HttpTransport transport, Clock clock) {
    this.provider = provider;
    this.tenant = tenant;
    this.http = new NimbusTransport(transport);
    this.verifier = new IdTokenVerifier(http);
    this.clock = clock;
  }

  /** Entra: POST {authority}/oauth2/v2.0/devicecode with client_id and scope. */
  public DeviceFlowSession start() {
    DeviceAuthorizationRequest request =
        new DeviceAuthorizationRequest.Builder(new ClientID(provider.clientId()))
            .endpointURI(provider.deviceAuthorizationEndpoint())
            .scope(new Scope(provider.scopes().toArray(String[]::new)))
            .build();
    HTTPResponse response = http.send(request.toHTTPRequest());
    DeviceAuthorizationResponse parsed;
    try {
      parsed = DeviceAuthorizationResponse.parse(response);
    } catch (ParseException e) {
      throw new AuthenticationException(
          "Microsoft Entra ID sent a device code answer ado-connect could not read (HTTP "
              + response.getStatusCode()
              + ").",
          "Check ADO_CONNECT_LOGIN_URL points at Microsoft Entra ID.",
          e);
    }
    if (!parsed.indicatesSuccess()) {
      ErrorObject error = ((DeviceAuthorizationErrorResponse) parsed).getErrorObject();
      throw EntraErrors.of(error, response, "the device code sign-in");
    }
    DeviceAuthorizationSuccessResponse success = parsed.toSuccessResponse();
    // RFC 8628 §3.2: without an interval, wait 5 s between polls.
    long interval = success.getInterval() > 0 ? success.getInterval() : 5;
    String message = success.getCustomParameters().get("message") instanceof String m ? m : null;
    return new DeviceFlowSession(
        Secret.of(success.getDeviceCode().getValue()),
        success.getUserCode().getValue(),
        success.getVerificationURI(),
        message,
        clock.instant().plusSeconds(success.getLifetime()),
        Duration.ofSeconds(interval),
        tenant);
  }

  /**
   * One poll of the token endpoint (RFC 8628 §3.4). Past the session's own deadline it answers
   * {@link DeviceFlowState#EXPIRED} without asking.
   *
   * <p>Entra: POST {authority}/oauth2/v2.0/token,
   * grant_type=urn:ietf:params:oauth:grant-type:device_code
   */
  public PollResult poll(DeviceFlowSession session) {
    if (!clock.instant().isBefore(session.expiresAt())) {
      return new PollResult(DeviceFlowState.EXPIRED, session, null);
    }
    TokenRequest request =
        new TokenRequest(
            provider.tokenEndpoint(),
            new ClientID(provider.clientId()),
            new DeviceCodeGrant(new DeviceCode(session.deviceCode().reveal())));
    HTTPResponse response = http.send(request.toHTTPRequest());
    TokenResponse parsed = TokenEndpoint.parse(response);
    if (parsed.indicatesSuccess()) {
      TokenSet tokens =
          TokenEndpoint.toTokens(parsed.toSuccessResponse(), verifier, provider, clock, null);
      return new PollResult(DeviceFlowState.AUTHORIZED, session, tokens);
    }
    ErrorObject error = parsed.toErrorResponse().getErrorObject();
    String code = error == null || error.getCode() == null ? "" : error.getCode();
    // RFC 8628 §3.5 names the outcomes; Entra says authorization_declined where the RFC says
    // access_denied.
    return switch (code) {
      case "authorization_pending" -> new PollResult(DeviceFlowState.PENDING, session, null);
      case "slow_down" -> new PollResult(DeviceFlowState.SLOW_DOWN, session.slower(), null);
      case "authorization_declined", "access_denied" ->
          new PollResult(DeviceFlowState.DENIED, session, null);
      case "expired_token" -> new PollResult(DeviceFlowState.EXPIRED, session, null);
      default -> {
        AuthenticationException failure =
            EntraErrors.of(error, response, "the device code sign-in");
        // A device code the provider no longer knows (Keycloak says invalid_grant some time after
        // expiry; Entra after a second redemption) ends this flow; it is not a lost session.
        if ("invalid_grant".equals(code) && !(failure instanceof ConditionalAccessException)) {
          yield new PollResult(DeviceFlowState.EXPIRED, session, null);
        }
        throw failure;
      }
    };
  }

  /**
   * Polls until the flow reaches a final state, waiting the (possibly growing) interval between
   * polls, and reports every state change. Returns {@code null} when cancelled.
   */
  public PollResult await(
      DeviceFlowSession session,
      Consumer<DeviceFlowState> onChange,
      BooleanSupplier cancelled,
      Sleeper sleeper) {
    DeviceFlowState last = DeviceFlowState.PENDING;
    DeviceFlowSession current = session;
    while (!cancelled.getAsBoolean()) {
      sleeper.sleep(untilNextPoll(current));
      if (cancelled.getAsBoolean()) {
        break;
      }
      PollResult result = poll(current);
      if (result.state() != last) {
        onChange.accept(result.state());
        last = result.state();
      }
      if (result.state().isFinal()) {
        return result;
      }
      current = result.session();
    }
    return null;
  }

  private Duration untilNextPoll(DeviceFlowSession session) {
    Duration left = Duration.between(clock.instant(), session.expiresAt());
    if (left.isNegative()) {
      return Duration.ZERO;
    }
    return left.compareTo(session.interval()) < 0 ? left : session.interval();
  }
}
