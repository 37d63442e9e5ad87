package io.adoconnect.auth.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.AuthenticationException;
import io.adoconnect.ReconnectRequiredException;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.http.Sleeper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Our device code flow (RFC 8628) and refresh against a real OpenID provider, Keycloak, instead of
 * our own simulator: the answers come from an implementation we did not write. The user's part is
 * done through Keycloak's own sign-in and consent pages ({@link KeycloakBrowser}).
 *
 * <p>Needs a running Keycloak with the realm {@code
 * src/test/resources/keycloak/adoconnect-realm.json}; {@code scripts/test} starts one with {@code
 * scripts/keycloak} and runs this class with {@code -Dsurefire.excludedGroups= -Dgroups=keycloak
 * -Dado.keycloak.url=http://127.0.0.1:PORT}. Without {@code ado.keycloak.url} the class is skipped,
 * so a plain {@code mvn test} passes offline.
 */
@Tag("keycloak")
@EnabledIfSystemProperty(
    named = "ado.keycloak.url",
    matches = ".+",
    disabledReason =
        "needs a Keycloak: run scripts/test, or scripts/keycloak start and -Dado.keycloak.url=…")
class KeycloakDeviceFlowTest {
  private static final String REALM = "adoconnect";

  /**
   * The realm's ordinary public client: device grant on, 600 s device codes, 1 s polling interval.
   */
  private static final String CLIENT = "ado-connect";

  /** The same with 5 s device codes, for the expiry test. */
  private static final String SHORT_CLIENT = "ado-connect-short";

  private static final String USER = "ada";
  private static final String PASSWORD = "correct-horse-battery";
  private static final List<String> SCOPES = List.of("openid", "profile", "email");

  private static URI realm;
  private static JsonNode metadata;

  /** Every exchange with Keycloak through our transport, to see what Keycloak itself answered. */
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  private HttpTransport transport;

  record Exchange(ApiRequest request, ApiResponse response) {}

  @BeforeAll
  static void readMetadata() throws Exception {
    realm =
        URI.create(
            System.getProperty("ado.keycloak.url").replaceAll("/+$", "") + "/realms/" + REALM);
    ApiResponse response = RetryingTransport.standard().send(ApiRequest.get(wellKnown(realm)));
    assertThat(response.status())
        .as("Keycloak's OpenID configuration of realm %s", REALM)
        .isEqualTo(200);
    metadata = new ObjectMapper().readTree(response.body());
    assertThat(metadata.path("grant_types_supported").toString())
        .contains("urn:ietf:params:oauth:grant-type:device_code");
  }

  @BeforeEach
  void recordExchanges() {
    HttpTransport real = RetryingTransport.standard();
    transport =
        request -> {
          ApiResponse response = real.send(request);
          exchanges.add(new Exchange(request, response));
          return response;
        };
  }

  @Test
  void pendingUntilApprovedOnKeycloaksPagesThenAuthorizedWithAVerifiedIdToken() {
    IdentityProvider provider = provider(CLIENT);
    DeviceCodeFlow flow = flow(provider);

    DeviceFlowSession session = flow.start();

    assertThat(session.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
    assertThat(session.verificationUri()).isEqualTo(URI.create(realm + "/device"));
    assertThat(session.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(session.expiresAt())
        .isCloseTo(Instant.now().plusSeconds(600), within(10, ChronoUnit.SECONDS));
    assertThat(session.tenant()).isEqualTo(REALM);
    assertThat(flow.poll(session).state()).isEqualTo(DeviceFlowState.PENDING);

    KeycloakBrowser.Page status =
        new KeycloakBrowser().approve(completeUri(session), USER, PASSWORD);
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.uri().getPath()).endsWith("/device/status");
    PollResult done = pollAfterInterval(flow, session);

    assertThat(done.state()).isEqualTo(DeviceFlowState.AUTHORIZED);
    TokenSet tokens = done.tokens();
    assertThat(tokens.accessToken().reveal()).isNotBlank();
    assertThat(tokens.refreshToken()).isNotNull();
    assertThat(tokens.expiresAt())
        .isCloseTo(Instant.now().plusSeconds(300), within(10, ChronoUnit.SECONDS));
    assertThat(tokens.scope()).contains("openid", "profile", "email");
    // Our verifier checked the id token's signature against the realm's jwks_uri, its issuer
    // against
    // the metadata's, its audience against our client id and its expiry; these claims come from it.
    IdTokenClaims claims = tokens.claims();
    assertThat(claims).isNotNull();
    assertThat(claims.name()).isEqualTo("Ada Lovelace");
    assertThat(claims.preferredUsername()).isEqualTo(USER);
    assertThat(claims.email()).isEqualTo("ada@example.test");
    assertThat(claims.emailAddress()).isEqualTo("ada@example.test");
    assertThat(claims.tenantId()).isNull();
    assertThat(exchanges).anySatisfy(e -> assertThat(e.request().uri()).isEqualTo(uri("jwks_uri")));
  }

  @Test
  void anIdTokenCheckedAgainstAnotherIssuersMetadataIsRefused() {
    // The token endpoint is this realm's, but the metadata (issuer, keys) is the master realm's.
    IdentityProvider realProvider = provider(CLIENT);
    IdentityProvider wrongMetadata =
        new IdentityProvider(
            realProvider.deviceAuthorizationEndpoint(),
            realProvider.tokenEndpoint(),
            realProvider.authorizationEndpoint(),
            wellKnown(realm.resolve("master")),
            CLIENT,
            SCOPES);
    DeviceCodeFlow flow = flow(wrongMetadata);
    DeviceFlowSession session = flow.start();
    new KeycloakBrowser().approve(completeUri(session), USER, PASSWORD);
    sleep(session.interval());

    assertThatThrownBy(() -> flow.poll(session))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("id token")
        .hasMessageContaining("did not validate");
  }

  @Test
  void refreshRotatesTheRefreshTokenAndTheUsedOneIsRefused() {
    IdentityProvider provider = provider(CLIENT);
    TokenSet first = signIn(provider);
    TokenRefresher refresher = refresher();

    TokenSet second = refresher.refresh(provider, first.refreshToken(), Optional.empty());

    assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(second.refreshToken()).isNotNull().isNotEqualTo(first.refreshToken());
    assertThat(second.claims().preferredUsername()).isEqualTo(USER);
    assertThat(lastTokenRequestBody())
        .contains("grant_type=refresh_token")
        .contains("client_id=" + CLIENT);

    // revokeRefreshToken=true, refreshTokenMaxReuse=0: the used refresh token is spent.
    assertThatThrownBy(() -> refresher.refresh(provider, first.refreshToken(), Optional.empty()))
        .isInstanceOf(ReconnectRequiredException.class)
        .hasMessageContaining("invalid_grant");
    assertThat(lastResponse().status()).isEqualTo(400);
    assertThat(lastResponse().bodyText()).contains("\"error\":\"invalid_grant\"");
  }

  @Test
  void pollingSoonerThanTheIntervalIsSlowDownAndOurIntervalGrowsByFiveSeconds() {
    DeviceCodeFlow flow = flow(provider(CLIENT));
    DeviceFlowSession session = flow.start();

    PollResult first = flow.poll(session);
    PollResult second = flow.poll(first.session());

    assertThat(first.state()).isEqualTo(DeviceFlowState.PENDING);
    assertThat(second.state()).isEqualTo(DeviceFlowState.SLOW_DOWN);
    assertThat(lastResponse().bodyText()).contains("\"error\":\"slow_down\"");
    assertThat(second.session().interval()).isEqualTo(session.interval().plusSeconds(5));
    assertThat(second.session().deviceCode()).isEqualTo(session.deviceCode());
    assertThat(second.session().expiresAt()).isEqualTo(session.expiresAt());
  }

  @Test
  void aDeviceCodePastKeycloaksLifespanIsExpiredByKeycloaksAnswer() {
    DeviceCodeFlow flow = flow(provider(SHORT_CLIENT));
    DeviceFlowSession session = flow.start();
    assertThat(session.expiresAt())
        .isCloseTo(Instant.now().plusSeconds(5), within(2, ChronoUnit.SECONDS));
    // Our own deadline would answer EXPIRED without asking; move it far out so only Keycloak can.
    DeviceFlowSession patient =
        new DeviceFlowSession(
            session.deviceCode(),
            session.userCode(),
            session.verificationUri(),
            session.message(),
            Instant.now().plus(Duration.ofMinutes(10)),
            session.interval(),
            session.tenant());
    assertThat(flow.poll(patient).state()).isEqualTo(DeviceFlowState.PENDING);

    sleep(Duration.between(Instant.now(), session.expiresAt()).plusMillis(1500));
    int before = exchanges.size();
    PollResult expired = flow.poll(patient);

    assertThat(expired.state()).isEqualTo(DeviceFlowState.EXPIRED);
    assertThat(exchanges).hasSize(before + 1);
    assertThat(lastResponse().status()).isEqualTo(400);
    assertThat(lastResponse().bodyText()).contains("\"error\":\"expired_token\"");

    // With the deadline Keycloak gave, our client knows without asking.
    assertThat(flow.poll(session).state()).isEqualTo(DeviceFlowState.EXPIRED);
    assertThat(exchanges).hasSize(before + 1);
  }

  @Test
  void declinedOnKeycloaksConsentPageIsDenied() {
    DeviceCodeFlow flow = flow(provider(CLIENT));
    DeviceFlowSession session = flow.start();

    new KeycloakBrowser().decline(completeUri(session), USER, PASSWORD);
    PollResult denied = pollAfterInterval(flow, session);

    assertThat(denied.state()).isEqualTo(DeviceFlowState.DENIED);
    assertThat(denied.tokens()).isNull();
    assertThat(lastResponse().bodyText()).contains("\"error\":\"access_denied\"");
  }

  @Test
  void awaitWaitsTheIntervalAndStopsAtAuthorized() {
    DeviceCodeFlow flow = flow(provider(CLIENT));
    DeviceFlowSession session = flow.start();
    new KeycloakBrowser().approve(completeUri(session), USER, PASSWORD);
    List<DeviceFlowState> seen = new ArrayList<>();

    PollResult result = flow.await(session, seen::add, () -> false, Sleeper.REAL);

    assertThat(result.state()).isEqualTo(DeviceFlowState.AUTHORIZED);
    assertThat(seen).containsExactly(DeviceFlowState.AUTHORIZED);
    assertThat(exchanges)
        .noneSatisfy(e -> assertThat(e.response().bodyText()).contains("slow_down"));
  }

  // --- helpers

  /** The realm's endpoints as its OpenID configuration names them. */
  private static IdentityProvider provider(String clientId) {
    return new IdentityProvider(
        uri("device_authorization_endpoint"),
        uri("token_endpoint"),
        uri("authorization_endpoint"),
        wellKnown(realm),
        clientId,
        SCOPES);
  }

  private static URI uri(String metadataField) {
    String value = metadata.path(metadataField).asText(null);
    assertThat(value).as("%s in Keycloak's OpenID configuration", metadataField).isNotNull();
    return URI.create(value);
  }

  private static URI wellKnown(URI realm) {
    return URI.create(realm + "/.well-known/openid-configuration");
  }

  private DeviceCodeFlow flow(IdentityProvider provider) {
    return new DeviceCodeFlow(provider, REALM, transport, Clock.systemUTC());
  }

  private TokenRefresher refresher() {
    // The settings only matter for Entra tenants; refresh(IdentityProvider, …) goes to the
    // provider.
    return new TokenRefresher(
        EntraSettings.fromEnvironment(realm, Map.of()), transport, Clock.systemUTC());
  }

  private TokenSet signIn(IdentityProvider provider) {
    DeviceCodeFlow flow = flow(provider);
    DeviceFlowSession session = flow.start();
    new KeycloakBrowser().approve(completeUri(session), USER, PASSWORD);
    PollResult done = pollAfterInterval(flow, session);
    assertThat(done.state()).isEqualTo(DeviceFlowState.AUTHORIZED);
    return done.tokens();
  }

  /** Keycloak answers slow_down to a poll sooner than the interval after the previous one. */
  private static PollResult pollAfterInterval(DeviceCodeFlow flow, DeviceFlowSession session) {
    sleep(session.interval().plusMillis(200));
    return flow.poll(session);
  }

  /** What a user's browser opens: the verification page with the user code filled in. */
  private URI completeUri(DeviceFlowSession session) {
    // Our session keeps verification_uri; Keycloak's verification_uri_complete is the same with
    // ?user_code=.
    return URI.create(session.verificationUri() + "?user_code=" + session.userCode());
  }

  private ApiResponse lastResponse() {
    return exchanges.get(exchanges.size() - 1).response();
  }

  private String lastTokenRequestBody() {
    for (int i = exchanges.size() - 1; i >= 0; i--) {
      Exchange e = exchanges.get(i);
      if (e.request().uri().equals(uri("token_endpoint")) && e.request().body() != null) {
        return new String(e.request().body(), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no token request was sent");
  }

  private static void sleep(Duration duration) {
    if (!duration.isNegative()) {
      Sleeper.REAL.sleep(duration);
    }
  }
}
