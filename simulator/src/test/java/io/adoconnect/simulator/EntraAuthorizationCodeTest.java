package io.adoconnect.simulator;

import static io.adoconnect.simulator.EntraDeviceCodeTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authorization code grant: the sign-in page, PKCE, redirect URI rules and client secrets. */
class EntraAuthorizationCodeTest {

  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-0123456789";
  private static final String LOOPBACK = "http://127.0.0.1:51234/callback";
  private static final String CONFIDENTIAL = "9f0e7c1a-0000-4000-8000-00000000c0de";
  private static final String WEB_REDIRECT = "https://connector.example/auth/callback";

  private static final ManualClock clock = new ManualClock();
  private static Simulator simulator;
  private static EntraClient entra;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().clock(clock).build());
    simulator.registerClient(CONFIDENTIAL, "s3cret~value", List.of(WEB_REDIRECT));
    entra = new EntraClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  static String challenge(String verifier) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> authorizePage(
      String tenant, String clientId, String redirectUri, String extra) {
    return entra.get(
        "/"
            + tenant
            + "/oauth2/v2.0/authorize?client_id="
            + q(clientId)
            + "&response_type=code"
            + "&redirect_uri="
            + q(redirectUri)
            + "&scope="
            + q(EntraClient.ADO_SCOPE)
            + "&state=st-42"
            + extra);
  }

  private static String requestId(HttpResponse<String> page) {
    Matcher matcher =
        Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(matcher.find()).as(page.body()).isTrue();
    return matcher.group(1);
  }

  /** GET the page, POST Accept; the 302 Location. */
  private static URI signIn(
      String tenant, String clientId, String redirectUri, String extra, String user) {
    HttpResponse<String> page = authorizePage(tenant, clientId, redirectUri, extra);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Map<String, String> form = EntraClient.form("request_id", requestId(page), "action", "accept");
    if (user != null) {
      form.put("user", user);
    }
    HttpResponse<String> redirect = entra.post("/" + tenant + "/oauth2/v2.0/authorize", form);
    assertThat(redirect.statusCode()).isEqualTo(302);
    return URI.create(redirect.headers().firstValue("Location").orElseThrow());
  }

  private static String code(URI location) {
    Map<String, String> query =
        io.adoconnect.simulator.http.Request.parseQuery(location.getRawQuery());
    assertThat(query.get("state")).isEqualTo("st-42");
    return query.get("code");
  }

  private static HttpResponse<String> redeem(
      String tenant,
      String clientId,
      String code,
      String redirectUri,
      String verifier,
      String secret) {
    Map<String, String> form =
        EntraClient.form(
            "grant_type",
            "authorization_code",
            "client_id",
            clientId,
            "code",
            code,
            "redirect_uri",
            redirectUri);
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    if (secret != null) {
      form.put("client_secret", secret);
    }
    return entra.post("/" + tenant + "/oauth2/v2.0/token", form);
  }

  @Test
  void pkceHappyPathWithAnyLoopbackPortForVisualStudio() throws Exception {
    HttpResponse<String> page =
        authorizePage(
            "organizations",
            EntraClient.VS,
            LOOPBACK,
            "&code_challenge="
                + challenge(VERIFIER)
                + "&code_challenge_method=S256&nonce=n-1&login_hint=alex.wilber@contoso.example");
    assertThat(page.body())
        .contains(
            "Visual Studio",
            "value=\"accept\"",
            "value=\"cancel\"",
            "value=\"alex.wilber@contoso.example\" checked");

    URI location =
        URI.create(
            entra
                .post(
                    "/organizations/oauth2/v2.0/authorize",
                    EntraClient.form(
                        "request_id",
                        requestId(page),
                        "action",
                        "accept",
                        "user",
                        "alex.wilber@contoso.example"))
                .headers()
                .firstValue("Location")
                .orElseThrow());
    assertThat(location.toString()).startsWith(LOOPBACK + "?code=");
    HttpResponse<String> token =
        redeem("organizations", EntraClient.VS, code(location), LOOPBACK, VERIFIER, null);

    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    JsonNode body = TestClient.json(token);
    JsonNode id = Jwts.claims(body.get("id_token").asText());
    assertThat(id.get("nonce").asText()).isEqualTo("n-1");
    assertThat(id.get("preferred_username").asText()).isEqualTo("alex.wilber@contoso.example");
    assertThat(body.has("refresh_token")).isTrue();
    assertThat(
            entra.devOps("/org-001/_apis/projects", body.get("access_token").asText()).statusCode())
        .isEqualTo(200);

    // The code is single use.
    error(
        redeem("organizations", EntraClient.VS, code(location), LOOPBACK, VERIFIER, null),
        400,
        "invalid_grant",
        54005);
    // Another loopback port and localhost work too (RFC 8252 §7.3).
    assertThat(
            signIn("organizations", EntraClient.VS, "http://localhost:8400/", "", null).toString())
        .startsWith("http://localhost:8400/?code=");
  }

  @Test
  void wrongOrMissingVerifierIsRejected() throws Exception {
    String pkce = "&code_challenge=" + challenge(VERIFIER) + "&code_challenge_method=S256";
    error(
        redeem(
            "organizations",
            EntraClient.VS,
            code(signIn("organizations", EntraClient.VS, LOOPBACK, pkce, null)),
            LOOPBACK,
            VERIFIER + "x",
            null),
        400,
        "invalid_grant",
        501481);
    error(
        redeem(
            "organizations",
            EntraClient.VS,
            code(signIn("organizations", EntraClient.VS, LOOPBACK, pkce, null)),
            LOOPBACK,
            null,
            null),
        400,
        "invalid_request",
        900144);
  }

  @Test
  void redirectUriMustMatchTheAuthorizeRequest() {
    String code = code(signIn("organizations", EntraClient.VS, LOOPBACK, "", null));
    error(
        redeem("organizations", EntraClient.VS, code, "http://127.0.0.1:51234/other", null, null),
        400,
        "invalid_grant",
        500112);
  }

  @Test
  void anAuthorizationCodeLastsTenMinutes() {
    String code = code(signIn("organizations", EntraClient.VS, LOOPBACK, "", null));
    String late = code(signIn("organizations", EntraClient.VS, LOOPBACK, "", null));
    clock.advance(Duration.ofMinutes(10));
    assertThat(redeem("organizations", EntraClient.VS, code, LOOPBACK, null, null).statusCode())
        .isEqualTo(200);
    clock.advance(Duration.ofMillis(1));
    error(
        redeem("organizations", EntraClient.VS, late, LOOPBACK, null, null),
        400,
        "invalid_grant",
        70008);
  }

  @Test
  void codeMustBeRedeemedAtTheSameAuthority() {
    String code = code(signIn("organizations", EntraClient.VS, LOOPBACK, "", null));
    error(
        redeem(
            simulator.entra().homeTenant().id().toString(),
            EntraClient.VS,
            code,
            LOOPBACK,
            null,
            null),
        400,
        "invalid_grant",
        700005);
  }

  @Test
  void unregisteredRedirectGetsAnErrorPageNeverARedirect() {
    HttpResponse<String> notLoopback =
        authorizePage("organizations", EntraClient.VS, "https://evil.example/cb", "");
    HttpResponse<String> notRegistered = authorizePage("organizations", CONFIDENTIAL, LOOPBACK, "");

    for (HttpResponse<String> response : List.of(notLoopback, notRegistered)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Location")).isEmpty();
      assertThat(response.body()).contains("AADSTS50011");
    }
    assertThat(authorizePage("organizations", "unknown-client", LOOPBACK, "").body())
        .contains("AADSTS700016");
  }

  @Test
  void cancelRedirectsWithAccessDenied() {
    HttpResponse<String> page = authorizePage("organizations", EntraClient.VS, LOOPBACK, "");
    HttpResponse<String> redirect =
        entra.post(
            "/organizations/oauth2/v2.0/authorize",
            EntraClient.form("request_id", requestId(page), "action", "cancel"));

    assertThat(redirect.statusCode()).isEqualTo(302);
    Map<String, String> query =
        io.adoconnect.simulator.http.Request.parseQuery(
            URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawQuery());
    assertThat(query)
        .containsEntry("error", "access_denied")
        .containsEntry("state", "st-42")
        .containsKey("error_description");
  }

  @Test
  void confidentialClientMustSendItsSecret() {
    error(
        redeem(
            "organizations",
            CONFIDENTIAL,
            code(signIn("organizations", CONFIDENTIAL, WEB_REDIRECT, "", null)),
            WEB_REDIRECT,
            null,
            null),
        401,
        "invalid_client",
        7000218);
    error(
        redeem(
            "organizations",
            CONFIDENTIAL,
            code(signIn("organizations", CONFIDENTIAL, WEB_REDIRECT, "", null)),
            WEB_REDIRECT,
            null,
            "wrong"),
        401,
        "invalid_client",
        7000215);
    HttpResponse<String> ok =
        redeem(
            "organizations",
            CONFIDENTIAL,
            code(signIn("organizations", CONFIDENTIAL, WEB_REDIRECT, "", null)),
            WEB_REDIRECT,
            null,
            "s3cret~value");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

    // HTTP Basic client authentication (RFC 6749 §2.3.1) works too.
    String code = code(signIn("organizations", CONFIDENTIAL, WEB_REDIRECT, "", null));
    HttpResponse<String> basic =
        TestClient.send(
            HttpRequest.newBuilder(simulator.baseUri().resolve("/organizations/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (CONFIDENTIAL + ":" + q("s3cret~value"))
                                    .getBytes(StandardCharsets.UTF_8)))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        EntraClient.encode(
                            EntraClient.form(
                                "grant_type",
                                "authorization_code",
                                "code",
                                code,
                                "redirect_uri",
                                WEB_REDIRECT))))
                .build());
    assertThat(basic.statusCode()).as(basic.body()).isEqualTo(200);

    // The confidential refresh token needs the secret as well.
    String refresh = TestClient.json(ok).get("refresh_token").asText();
    error(
        entra.post(
            "/organizations/oauth2/v2.0/token",
            EntraClient.form(
                "grant_type",
                "refresh_token",
                "client_id",
                CONFIDENTIAL,
                "refresh_token",
                refresh)),
        401,
        "invalid_client",
        7000218);
  }

  @Test
  void publicClientMustNotSendASecret() {
    String code = code(signIn("organizations", EntraClient.VS, LOOPBACK, "", null));
    error(
        redeem("organizations", EntraClient.VS, code, LOOPBACK, null, "anything"),
        401,
        "invalid_client",
        700025);
  }

  @Test
  void guestSignsInAtTheResourceTenant() {
    String tenant = simulator.entra().secondTenant().domain();
    String code = code(signIn(tenant, EntraClient.VS, LOOPBACK, "", null));
    JsonNode body = TestClient.json(redeem(tenant, EntraClient.VS, code, LOOPBACK, null, null));

    assertThat(Jwts.claims(body.get("access_token").asText()).get("tid").asText())
        .isEqualTo(simulator.entra().secondTenant().id().toString());
    assertThat(
            entra.devOps("/org-002/_apis/projects", body.get("access_token").asText()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void formPostResponseMode() {
    HttpResponse<String> page =
        authorizePage("organizations", EntraClient.VS, LOOPBACK, "&response_mode=form_post");
    HttpResponse<String> post =
        entra.post(
            "/organizations/oauth2/v2.0/authorize",
            EntraClient.form("request_id", requestId(page), "action", "accept"));

    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(post.body())
        .contains("action=\"" + LOOPBACK + "\"", "name=\"code\"", "name=\"state\" value=\"st-42\"");
  }
}
