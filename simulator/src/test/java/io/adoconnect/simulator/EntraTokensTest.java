package io.adoconnect.simulator;

import static io.adoconnect.simulator.EntraDeviceCodeTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.adoconnect.simulator.entra.EntraDirectory;
import io.adoconnect.simulator.entra.EntraUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens, tenants and organizations, token validation on Azure DevOps routes, metadata and
 * keys.
 */
class EntraTokensTest {

  private static Simulator simulator;
  private static EntraClient entra;
  private static String home;
  private static String second;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().deviceCodeIntervalSeconds(0).build());
    entra = new EntraClient(simulator);
    home = simulator.entra().homeTenant().id().toString();
    second = simulator.entra().secondTenant().id().toString();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void directoryFollowsTheDocumentedRules() {
    EntraDirectory directory = simulator.entra();
    EntraUser user = directory.defaultUser();

    assertThat(directory.homeTenant().id()).isEqualTo(simulator.dataset().user().tenantId());
    assertThat(directory.tenants())
        .extracting(t -> t.domain())
        .containsExactly("contoso.example", "fabrikam.example");
    assertThat(user.membership(directory.homeTenant().id()).orElseThrow().guest()).isFalse();
    assertThat(user.membership(directory.secondTenant().id()).orElseThrow().guest()).isTrue();
    assertThat(user.profileId()).isEqualTo(simulator.dataset().user().id());
    assertThat(directory.organizationTenant("org-001")).contains(directory.homeTenant().id());
    assertThat(directory.organizationTenant("org-002")).contains(directory.secondTenant().id());
    assertThat(directory.organizationTenant("org-003")).contains(EntraDirectory.MSA_TENANT);
    try (Simulator twenty = Simulator.start(SimulatorConfig.builder().orgs(20).build())) {
      assertThat(twenty.entra().organizationTenant("org-010"))
          .contains(twenty.entra().homeTenant().id());
      assertThat(twenty.entra().organizationTenant("org-020"))
          .contains(twenty.entra().secondTenant().id());
      assertThat(twenty.entra().organizationTenant("org-018")).contains(EntraDirectory.MSA_TENANT);
    }
  }

  @Test
  void singleUseRefreshTokensRejectTheUsedOne() {
    JsonNode first = entra.signIn("organizations", null);
    String oldRefresh = first.get("refresh_token").asText();

    HttpResponse<String> refreshed = entra.refresh("organizations", oldRefresh, null);
    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonNode body = TestClient.json(refreshed);
    assertThat(body.get("refresh_token").asText()).isNotEqualTo(oldRefresh);
    assertThat(body.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());

    error(entra.refresh("organizations", oldRefresh, null), 400, "invalid_grant", 70000);
    assertThat(
            entra.refresh("organizations", body.get("refresh_token").asText(), null).statusCode())
        .isEqualTo(200);
    error(entra.refresh("organizations", "garbage", null), 400, "invalid_grant", 70000);
  }

  @Test
  void reusableRefreshTokensStayValidAsInRealEntra() {
    try (Simulator lenient =
        Simulator.start(SimulatorConfig.builder().singleUseRefreshTokens(false).build())) {
      EntraClient client = new EntraClient(lenient);
      String refresh = client.signIn("organizations", null).get("refresh_token").asText();
      assertThat(client.refresh("organizations", refresh, null).statusCode()).isEqualTo(200);
      assertThat(client.refresh("organizations", refresh, null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refreshAtTheSecondTenantGivesATokenForItsOrganizationOnly() {
    String refresh = entra.signIn("organizations", null).get("refresh_token").asText();
    JsonNode guest = TestClient.json(entra.refresh(second, refresh, EntraClient.ADO_SCOPE));
    String token = guest.get("access_token").asText();

    assertThat(Jwts.claims(token).get("tid").asText()).isEqualTo(second);
    assertThat(Jwts.claims(guest.get("id_token").asText()).get("oid").asText())
        .isEqualTo(
            simulator
                .entra()
                .defaultUser()
                .objectId(simulator.entra().secondTenant().id())
                .toString());
    assertThat(entra.devOps("/org-002/_apis/projects", token).statusCode()).isEqualTo(200);

    HttpResponse<String> wrongTenant = entra.devOps("/org-001/_apis/projects", token);
    assertThat(wrongTenant.statusCode()).isEqualTo(401);
    assertThat(wrongTenant.headers().firstValue("X-VSS-ResourceTenant")).hasValue(home);
    assertThat(wrongTenant.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            v ->
                assertThat(v)
                    .startsWith("Bearer authorization_uri=" + simulator.baseUri() + "/" + home));
    assertThat(TestClient.json(wrongTenant).get("message").asText()).startsWith("TF400813:");
  }

  @Test
  void homeTokenIsRefusedByTheSecondTenantsOrganization() {
    String token = entra.signIn("organizations", null).get("access_token").asText();
    HttpResponse<String> response = entra.devOps("/org-002/_apis/git/repositories", token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("X-VSS-ResourceTenant")).hasValue(second);
  }

  @Test
  void aMemberOfOneTenantCannotRefreshIntoAnother() {
    String refresh =
        entra.signIn("organizations", "alex.wilber@contoso.example").get("refresh_token").asText();
    error(entra.refresh(second, refresh, null), 400, "invalid_grant", 50020);
  }

  @Test
  void msaBackedOrganizationRefusesEntraTokens() {
    String homeToken = entra.signIn("organizations", null).get("access_token").asText();
    HttpResponse<String> response = entra.devOps("/org-003/_apis/projects", homeToken);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("X-VSS-ResourceTenant"))
        .hasValue(EntraDirectory.MSA_TENANT.toString());
    assertThat(TestClient.json(response).get("message").asText()).startsWith("TF400813:");
    // PATs keep working there.
    assertThat(new TestClient(simulator).get("/org-003/_apis/projects").statusCode())
        .isEqualTo(200);
  }

  @Test
  void anonymousConnectionDataAnswers401WithTheTenantOfEachOrganization() {
    List<String> expected = List.of(home, second, EntraDirectory.MSA_TENANT.toString());
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response =
          TestClient.send(
              HttpRequest.newBuilder(
                      simulator.baseUri().resolve("/org-00" + (i + 1) + "/_apis/connectionData"))
                  .GET()
                  .build());
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("X-VSS-ResourceTenant")).hasValue(expected.get(i));
    }
  }

  @Test
  void expiredOrUnknownAccessTokensAreRejected() {
    try (Simulator own = Simulator.start(SimulatorConfig.defaults())) {
      EntraClient client = new EntraClient(own);
      String token = client.signIn("organizations", null).get("access_token").asText();
      assertThat(client.devOps("/org-001/_apis/projects", token).statusCode()).isEqualTo(200);
      own.expireAccessTokens();
      assertThat(client.devOps("/org-001/_apis/projects", token).statusCode()).isEqualTo(401);
      assertThat(client.devOps("/org-001/_apis/projects", token + "x").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void revokedAndExpiredRefreshTokens() {
    ManualClock clock = new ManualClock();
    try (Simulator own =
        Simulator.start(
            SimulatorConfig.builder().clock(clock).refreshTokenLifetimeSeconds(1).build())) {
      EntraClient client = new EntraClient(own);
      String revoked = client.signIn("organizations", null).get("refresh_token").asText();
      own.revokeRefreshTokens();
      error(client.refresh("organizations", revoked, null), 400, "invalid_grant", 50173);

      String expiring = client.signIn("organizations", null).get("refresh_token").asText();
      clock.advance(Duration.ofSeconds(1));
      JsonNode json =
          error(client.refresh("organizations", expiring, null), 400, "invalid_grant", 700082);
      assertThat(json.get("error_description").asText()).contains("expired due to inactivity");

      String single = client.signIn("organizations", null).get("refresh_token").asText();
      assertThat(own.revokeRefreshToken(single)).isTrue();
      error(client.refresh("organizations", single, null), 400, "invalid_grant", 50173);
    }
  }

  @Test
  void profileAndAccountsFollowTheTokensUser() {
    String defaultToken = entra.signIn("organizations", null).get("access_token").asText();
    JsonNode me =
        TestClient.json(entra.devOps("/_apis/profile/profiles/me?api-version=7.1", defaultToken));
    JsonNode accounts =
        TestClient.json(
            entra.devOps("/_apis/accounts?memberId=" + me.get("id").asText(), defaultToken));
    assertThat(accounts.get("count").asInt()).isEqualTo(3);

    String guestToken =
        TestClient.json(
                entra.refresh(
                    second,
                    entra.signIn("organizations", null).get("refresh_token").asText(),
                    null))
            .get("access_token")
            .asText();
    assertThat(
            entra
                .devOps("/_apis/accounts?memberId=" + me.get("id").asText(), guestToken)
                .statusCode())
        .isEqualTo(200);

    EntraUser alex = simulator.entra().user("alex.wilber@contoso.example").orElseThrow();
    String alexToken =
        entra.signIn("organizations", alex.userPrincipalName()).get("access_token").asText();
    JsonNode alexMe = TestClient.json(entra.devOps("/_apis/profile/profiles/me", alexToken));
    JsonNode alexAccounts =
        TestClient.json(entra.devOps("/_apis/accounts?memberId=" + alex.profileId(), alexToken));
    assertThat(alexMe.get("displayName").asText()).isEqualTo("Alex Wilber");
    assertThat(alexAccounts.get("value"))
        .extracting(a -> a.get("accountName").asText())
        .containsExactly("org-001");

    JsonNode connection = TestClient.json(entra.devOps("/org-001/_apis/connectionData", alexToken));
    assertThat(connection.get("authenticatedUser").get("id").asText())
        .isEqualTo(alex.profileId().toString());
  }

  @Test
  void idTokenVerifiesAgainstTheJwks() throws Exception {
    JsonNode metadata =
        TestClient.json(entra.get("/organizations/v2.0/.well-known/openid-configuration"));
    assertThat(metadata.get("issuer").asText()).isEqualTo(simulator.baseUri() + "/{tenantid}/v2.0");
    assertThat(metadata.get("device_authorization_endpoint").asText())
        .isEqualTo(simulator.baseUri() + "/organizations/oauth2/v2.0/devicecode");
    assertThat(metadata.get("id_token_signing_alg_values_supported").get(0).asText())
        .isEqualTo("RS256");
    JsonNode tenantMetadata =
        TestClient.json(entra.get("/contoso.example/v2.0/.well-known/openid-configuration"));
    assertThat(tenantMetadata.get("issuer").asText())
        .isEqualTo(simulator.baseUri() + "/" + home + "/v2.0");
    assertThat(tenantMetadata.get("token_endpoint").asText())
        .isEqualTo(simulator.baseUri() + "/" + home + "/oauth2/v2.0/token");

    JWKSet keys =
        JWKSet.parse(
            entra
                .get(
                    metadata
                        .get("jwks_uri")
                        .asText()
                        .substring(simulator.baseUri().toString().length()))
                .body());
    JsonNode tokens = entra.signIn("organizations", null);
    SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asText());
    RSAKey key = (RSAKey) keys.getKeyByKeyId(idToken.getHeader().getKeyID());

    assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(key).isNotNull();
    assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
    var claims = idToken.getJWTClaimsSet();
    EntraUser user = simulator.entra().defaultUser();
    assertThat(claims.getIssuer()).isEqualTo(simulator.baseUri() + "/" + home + "/v2.0");
    assertThat(claims.getAudience()).containsExactly(EntraClient.VS);
    assertThat(claims.getStringClaim("tid")).isEqualTo(home);
    assertThat(claims.getStringClaim("oid"))
        .isEqualTo(user.objectId(simulator.entra().homeTenant().id()).toString());
    assertThat(claims.getStringClaim("name")).isEqualTo("Simulated User");
    assertThat(claims.getStringClaim("preferred_username"))
        .isEqualTo("simulated.user@contoso.example");
    assertThat(claims.getStringClaim("email")).isEqualTo(simulator.dataset().user().emailAddress());
    assertThat(claims.getStringClaim("ver")).isEqualTo("2.0");
    assertThat(claims.getExpirationTime()).isAfter(new Date());
    assertThat(claims.getNotBeforeTime()).isNotNull();
    assertThat(claims.getIssueTime()).isNotNull();

    SignedJWT access = SignedJWT.parse(tokens.get("access_token").asText());
    assertThat(access.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(access.getJWTClaimsSet().getAudience())
        .containsExactly(EntraDirectory.AZURE_DEVOPS_RESOURCE);
    assertThat(access.getJWTClaimsSet().getStringClaim("scp")).isEqualTo("user_impersonation");
  }

  @Test
  void granularScopesGoIntoScpAndAzureDevOpsRefusesCallsOutsideThem() throws Exception {
    String prefix = EntraDirectory.AZURE_DEVOPS_RESOURCE + "/";
    JsonNode tokens =
        entra.signIn(
            "organizations",
            null,
            prefix + "vso.code " + prefix + "vso.work_write offline_access openid profile");
    String token = tokens.get("access_token").asText();

    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("scp"))
        .isEqualTo("vso.code vso.work_write");
    assertThat(tokens.get("scope").asText())
        .isEqualTo(prefix + "vso.code " + prefix + "vso.work_write openid profile");
    assertThat(entra.devOps("/org-001/_apis/git/repositories", token).statusCode()).isEqualTo(200);
    HttpResponse<String> builds = entra.devOps("/org-001/_apis/build/builds", token);
    assertThat(builds.statusCode()).isEqualTo(401);
    assertThat(TestClient.json(builds).get("message").asText())
        .startsWith("TF400813: The user '")
        .endsWith("' is not authorized to access this resource.");
    assertThat(TestClient.json(builds).get("typeKey").asText())
        .isEqualTo("UnauthorizedRequestException");

    String everything = entra.signIn("organizations", null).get("access_token").asText();
    assertThat(entra.devOps("/org-001/_apis/build/builds", everything).statusCode())
        .isNotEqualTo(401);
  }

  @Test
  void patBehaviourIsUnchangedExceptTheOrganizationsTenantHeader() {
    TestClient pat = new TestClient(simulator);
    HttpResponse<String> wrong =
        TestClient.send(
            pat.request("/org-002/_apis/connectionData")
                .setHeader("Authorization", TestClient.basic("wrong"))
                .GET()
                .build());

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("X-VSS-ResourceTenant")).hasValue(second);
    JsonNode accounts =
        TestClient.json(pat.get("/_apis/accounts?memberId=" + simulator.dataset().user().id()));
    assertThat(accounts.get("count").asInt()).isEqualTo(3);
  }
}
