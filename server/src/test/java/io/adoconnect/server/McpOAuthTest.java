package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.server.mcp.McpHttp;
import io.adoconnect.store.OAuthStore;
import io.adoconnect.store.Owner;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /mcp} and its authorization server, one security rule of the MCP authorization spec per
 * test, each driven as an MCP client would (register, authorize, consent through the page's
 * session, token, {@code /mcp}) with one step broken.
 */
class McpOAuthTest extends ServerTestBase {
  private boolean allowWrite = true;
  private OAuthStore store;

  @Override
  ServerApp createApp(ServerConfig config, AdoConnect ado) {
    store = OAuthStore.open(dataDir());
    return ServerApp.create(config, ado, new McpHttp(store, allowWrite, "test"));
  }

  private OAuthTestClient client(Service service, Api api) {
    return new OAuthTestClient(api, api.login(service.app.loginLink()));
  }

  @Test
  void anUnauthenticatedCallPointsToTheMetadataThatLeadsToSignIn() {
    serve(
        (service, api) -> {
          Api.Response none = api.post("/mcp").noToken().json(OAuthTestClient.INITIALIZE).send();
          assertThat(none.status()).isEqualTo(401);
          String metadataUrl = api.base() + "/.well-known/oauth-protected-resource/mcp";
          assertThat(none.header("WWW-Authenticate"))
              .isEqualTo("Bearer resource_metadata=\"" + metadataUrl + "\"");
          assertThat(none.header("Cache-Control")).isEqualTo("no-store");

          var resource =
              api.get("/.well-known/oauth-protected-resource/mcp").noToken().send().json();
          assertThat(resource.path("resource").asText()).isEqualTo(api.base() + "/mcp");
          assertThat(resource.path("authorization_servers").path(0).asText())
              .isEqualTo(api.base().toString());
          assertThat(api.get("/.well-known/oauth-protected-resource").noToken().send().json())
              .isEqualTo(resource);

          var server = api.get("/.well-known/oauth-authorization-server").noToken().send().json();
          assertThat(server.path("issuer").asText()).isEqualTo(api.base().toString());
          assertThat(server.path("authorization_endpoint").asText())
              .isEqualTo(api.base() + "/oauth/authorize");
          assertThat(server.path("token_endpoint").asText()).isEqualTo(api.base() + "/oauth/token");
          assertThat(server.path("registration_endpoint").asText())
              .isEqualTo(api.base() + "/oauth/register");
          assertThat(server.path("code_challenge_methods_supported").toString())
              .isEqualTo("[\"S256\"]");
          assertThat(server.path("token_endpoint_auth_methods_supported").toString())
              .isEqualTo("[\"none\"]");
        });
  }

  @Test
  void aSignedInClientReachesWhatTheOperatorGrantedAndNoTokenGoesToAzureDevOps() {
    serve(
        (service, api) -> {
          Api.Response connected =
              api.post("/api/connections/pat")
                  .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
                  .send();
          assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
          OAuthTestClient everything = client(service, api).signIn(false, false);
          String session = everything.initialize();
          assertThat(everything.tools(session))
              .contains("list_repositories", "list_sources")
              .doesNotContain("queue_build", "create_pull_request");
          var refused = everything.call(session, "queue_build", Map.of());
          assertThat(refused.path("isError").asBoolean()).as(refused.toString()).isTrue();
          OAuthTestClient writer = client(service, api).signIn(true, false);
          assertThat(writer.tools(writer.initialize())).contains("queue_build", "list_sources");
          var all = everything.call(session, "list_repositories", Map.of());
          assertThat(all.path("isError").asBoolean()).as(all.toString()).isFalse();
          assertThat(all.path("structuredContent").toString()).contains("org-001");

          OAuthTestClient confined = client(service, api).signIn(false, true);
          String other = confined.initialize();
          var none = confined.call(other, "list_repositories", Map.of());
          assertThat(none.path("structuredContent").toString()).doesNotContain("org-001");

          assertThat(outbound).isNotEmpty();
          for (String token :
              List.of(
                  everything.accessToken,
                  everything.refreshToken,
                  confined.accessToken,
                  everything.clientId)) {
            assertThat(outbound).noneMatch(request -> request.contains(token));
          }
        });
  }

  @Test
  void withWritesSwitchedOffNobodyCanGrantThem() {
    allowWrite = false;
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).register();
          Api.Response r = client.authorize(client.authorizeParams());
          String id = r.header("Location").substring("/?consent=".length());
          Api.BrowserTab tab = api.login(service.app.loginLink());
          assertThat(
                  api.get("/api/oauth/requests/" + id)
                      .as(tab)
                      .send()
                      .json()
                      .path("writeAllowed")
                      .asBoolean())
              .isFalse();
          Api.Response refused =
              api.post("/api/oauth/requests/" + id)
                  .as(tab)
                  .json(Map.of("approve", true, "write", true, "sourcesOnly", false))
                  .send();
          assertThat(refused.status()).isEqualTo(400);
          assertThat(refused.code()).isEqualTo("mcp_write_disabled");
        });
  }

  @Test
  void onlyThePageSessionCanApproveAClient() {
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).register();
          String id =
              client
                  .authorize(client.authorizeParams())
                  .header("Location")
                  .substring("/?consent=".length());
          Api.Response withToken =
              api.post("/api/oauth/requests/" + id).json(Map.of("approve", true)).send();
          assertThat(withToken.status()).isEqualTo(403);
          assertThat(withToken.code()).isEqualTo("consent_needs_page");
          Api.Response anonymous =
              api.post("/api/oauth/requests/" + id).noToken().json(Map.of("approve", true)).send();
          assertThat(anonymous.status()).isEqualTo(401);
        });
  }

  @Test
  void neitherTheApiTokenNorThePageSessionOpensMcp() {
    serve(
        (service, api) -> {
          Api.Response apiToken =
              api.post("/mcp")
                  .header("Accept", "application/json, text/event-stream")
                  .json(OAuthTestClient.INITIALIZE)
                  .send();
          assertThat(apiToken.status()).isEqualTo(401);
          assertThat(apiToken.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
          Api.BrowserTab tab = api.login(service.app.loginLink());
          Api.Response page =
              api.post("/mcp")
                  .as(tab)
                  .header("Accept", "application/json, text/event-stream")
                  .json(OAuthTestClient.INITIALIZE)
                  .send();
          assertThat(page.status()).isEqualTo(401);
        });
  }

  @Test
  void aForeignOriginIsRefusedEvenWithAValidToken() {
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).signIn(false, true);
          Api.Response rebinding =
              client
                  .mcp(OAuthTestClient.INITIALIZE, null)
                  .header("Origin", "http://evil.example:" + api.base().getPort())
                  .send();
          assertThat(rebinding.status()).isEqualTo(403);
          assertThat(rebinding.code()).isEqualTo("cross_origin");
          Api.Response own =
              client
                  .mcp(OAuthTestClient.INITIALIZE, null)
                  .header("Origin", api.base().toString())
                  .send();
          assertThat(own.status()).isEqualTo(200);
        });
  }

  @Test
  void aForeignHostIsRefused() {
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).signIn(false, true);
          RawHttp.Answer answer =
              RawHttp.send(
                  api.base().getPort(),
                  String.join(
                      "\r\n",
                      "POST /mcp HTTP/1.1",
                      "Host: evil.example:" + api.base().getPort(),
                      "Authorization: Bearer " + client.accessToken,
                      "Accept: application/json, text/event-stream",
                      "Content-Type: application/json",
                      "Content-Length: " + OAuthTestClient.INITIALIZE.length(),
                      "Connection: close",
                      "",
                      OAuthTestClient.INITIALIZE));
          assertThat(answer.status()).isEqualTo(400);
          assertThat(answer.body()).contains("host_not_allowed");
        });
  }

  @Test
  void aTokenForAnotherResourceIsRefused() {
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).register();
          Map<String, String> params = client.authorizeParams();
          params.put("resource", "https://other.example/mcp");
          Api.Response r = client.authorize(params);
          assertThat(r.status()).isEqualTo(302);
          Map<String, String> back = OAuthTestClient.query(URI.create(r.header("Location")));
          assertThat(back.get("error")).isEqualTo("invalid_target");
          assertThat(back.get("state")).isEqualTo(params.get("state"));

          // a token in the store bound to another resource (as one issued by another deployment
          // sharing the database would be) does not open this one
          client.signIn(false, true);
          assertThat(client.mcp(OAuthTestClient.INITIALIZE, null).send().status()).isEqualTo(200);
          String foreign = OAuthTestClient.random(32);
          var grant =
              new OAuthStore.Grant(
                  "foreigngrant",
                  Owner.LOCAL.key(),
                  client.clientId,
                  true,
                  false,
                  "https://other.example/mcp",
                  clock.instant(),
                  null,
                  null);
          store.createGrant(
              grant,
              new OAuthStore.Code(
                  "h" + foreign,
                  grant.id(),
                  OAuthTestClient.REDIRECT,
                  "x".repeat(43),
                  clock.instant()));
          store.saveToken(
              java.util.HexFormat.of()
                  .formatHex(io.adoconnect.server.access.Randoms.sha256(foreign)),
              grant.id(),
              OAuthStore.Kind.ACCESS,
              clock.instant().plus(Duration.ofMinutes(5)));
          client.accessToken = foreign;
          Api.Response refused = client.mcp(OAuthTestClient.INITIALIZE, null).send();
          assertThat(refused.status()).isEqualTo(401);
          assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
        });
  }

  @Test
  void aSessionWorksOnlyWithTokensOfTheGrantThatOpenedIt() {
    serve(
        (service, api) -> {
          OAuthTestClient alice = client(service, api).signIn(false, true);
          OAuthTestClient mallory = client(service, api).signIn(false, true);
          String session = alice.initialize();
          Api.Response hijack =
              mallory
                  .mcp("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", session)
                  .send();
          assertThat(hijack.status()).isEqualTo(403);
          assertThat(hijack.code()).isEqualTo("mcp_session_not_yours");
          Api.Response made =
              mallory
                  .mcp(
                      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", "made-up-session")
                  .send();
          assertThat(made.status()).isEqualTo(404);
          // a refreshed token of the same grant keeps the session
          alice.refresh(alice.refreshToken);
          assertThat(alice.tools(session)).contains("list_sources");
        });
  }

  @Test
  void pkceIsRequiredWithS256Only() {
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).register();
          Map<String, String> none = client.authorizeParams();
          none.remove("code_challenge");
          none.remove("code_challenge_method");
          assertThat(errorOf(client.authorize(none))).isEqualTo("invalid_request");
          Map<String, String> plain = client.authorizeParams();
          plain.put("code_challenge", client.verifier);
          plain.put("code_challenge_method", "plain");
          assertThat(errorOf(client.authorize(plain))).isEqualTo("invalid_request");

          String code = client.approve(false, true);
          Api.Response missing = client.exchange(code, null, OAuthTestClient.REDIRECT);
          assertThat(missing.json().path("error").asText()).isEqualTo("invalid_grant");
          String another = client.approve(false, true);
          Api.Response wrong =
              client.exchange(another, OAuthTestClient.random(32), OAuthTestClient.REDIRECT);
          assertThat(wrong.status()).isEqualTo(400);
          assertThat(wrong.json().path("error").asText()).isEqualTo("invalid_grant");
        });
  }

  @Test
  void theRedirectUriMustMatchExactly() {
    serve(
        (service, api) -> {
          Api.Response evil =
              api.post("/oauth/register")
                  .noToken()
                  .json(Map.of("redirect_uris", List.of("http://evil.example/callback")))
                  .send();
          assertThat(evil.status()).isEqualTo(400);
          assertThat(evil.json().path("error").asText()).isEqualTo("invalid_redirect_uri");

          OAuthTestClient client = client(service, api).register();
          for (String near :
              List.of(
                  OAuthTestClient.REDIRECT + "/",
                  OAuthTestClient.REDIRECT + "?x=1",
                  "http://127.0.0.1:33334/callback",
                  "http://localhost:33333/callback")) {
            Map<String, String> params = client.authorizeParams();
            params.put("redirect_uri", near);
            Api.Response r = client.authorize(params);
            assertThat(r.status()).as(near).isEqualTo(400);
            assertThat(r.header("Location")).as(near).isNull();
            assertThat(r.code()).isEqualTo("oauth_redirect_uri_mismatch");
          }
          String code = client.approve(false, true);
          Api.Response other =
              client.exchange(code, client.verifier, "http://127.0.0.1:33334/callback");
          assertThat(other.json().path("error").asText()).isEqualTo("invalid_grant");
        });
  }

  @Test
  void aCodeWorksOnceAndItsReuseRevokesWhatItGave() {
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).register();
          String code = client.approve(false, true);
          String verifier = client.verifier;
          assertThat(client.exchange(code, verifier, OAuthTestClient.REDIRECT).status())
              .isEqualTo(200);
          String first = client.accessToken;
          assertThat(client.mcp(OAuthTestClient.INITIALIZE, null).send().status()).isEqualTo(200);
          Api.Response again = client.exchange(code, verifier, OAuthTestClient.REDIRECT);
          assertThat(again.status()).isEqualTo(400);
          assertThat(again.json().path("error").asText()).isEqualTo("invalid_grant");
          client.accessToken = first;
          assertThat(client.mcp(OAuthTestClient.INITIALIZE, null).send().status()).isEqualTo(401);
        });
  }

  @Test
  void refreshRotatesAndAReplayedRefreshTokenEndsTheFamily() {
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).signIn(false, true);
          String firstRefresh = client.refreshToken;
          Api.Response rotated = client.refresh(firstRefresh);
          assertThat(rotated.status()).isEqualTo(200);
          assertThat(rotated.json().path("refresh_token").asText()).isNotEqualTo(firstRefresh);
          assertThat(rotated.json().path("expires_in").asLong()).isEqualTo(600);
          assertThat(rotated.json().path("scope").asText()).isEqualTo("mcp:read mcp:sources-only");
          String secondRefresh = client.refreshToken;
          String secondAccess = client.accessToken;
          assertThat(client.mcp(OAuthTestClient.INITIALIZE, null).send().status()).isEqualTo(200);

          Api.Response replay = client.refresh(firstRefresh);
          assertThat(replay.json().path("error").asText()).isEqualTo("invalid_grant");
          client.accessToken = secondAccess;
          assertThat(client.mcp(OAuthTestClient.INITIALIZE, null).send().status()).isEqualTo(401);
          assertThat(client.refresh(secondRefresh).json().path("error").asText())
              .isEqualTo("invalid_grant");
        });
  }

  @Test
  void accessTokensAreShortLived() {
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).signIn(false, true);
          clock.advance(Duration.ofMinutes(9));
          assertThat(client.mcp(OAuthTestClient.INITIALIZE, null).send().status()).isEqualTo(200);
          clock.advance(Duration.ofMinutes(2));
          assertThat(client.mcp(OAuthTestClient.INITIALIZE, null).send().status()).isEqualTo(401);
          assertThat(client.refresh(client.refreshToken).status()).isEqualTo(200);
          assertThat(client.mcp(OAuthTestClient.INITIALIZE, null).send().status()).isEqualTo(200);
        });
  }

  @Test
  void theOperatorSeesConnectedClientsAndRevokesThem() {
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).signIn(true, false);
          Api.BrowserTab tab = api.login(service.app.loginLink());
          var listed = api.get("/api/oauth/clients").as(tab).send().json();
          assertThat(listed.size()).isEqualTo(1);
          assertThat(listed.path(0).path("clientName").asText()).isEqualTo("Test agent");
          assertThat(listed.path(0).path("write").asBoolean()).isTrue();
          assertThat(listed.path(0).path("sourcesOnly").asBoolean()).isFalse();
          assertThat(listed.toString()).doesNotContain(client.accessToken, client.refreshToken);
          String id = listed.path(0).path("id").asText();
          assertThat(api.delete("/api/oauth/clients/" + id).as(tab).send().status()).isEqualTo(204);
          assertThat(client.mcp(OAuthTestClient.INITIALIZE, null).send().status()).isEqualTo(401);
          assertThat(client.refresh(client.refreshToken).json().path("error").asText())
              .isEqualTo("invalid_grant");
          assertThat(api.get("/api/oauth/clients").as(tab).send().json().size()).isZero();
          assertThat(api.delete("/api/oauth/clients/" + id).as(tab).send().status()).isEqualTo(404);
        });
  }

  @Test
  void aDeclinedSignInGoesBackAsAccessDenied() {
    serve(
        (service, api) -> {
          OAuthTestClient client = client(service, api).register();
          Map<String, String> params = client.authorizeParams();
          String id = client.authorize(params).header("Location").substring("/?consent=".length());
          Api.BrowserTab tab = api.login(service.app.loginLink());
          Api.Response r =
              api.post("/api/oauth/requests/" + id).as(tab).json(Map.of("approve", false)).send();
          Map<String, String> back =
              OAuthTestClient.query(URI.create(r.json().path("redirect").asText()));
          assertThat(back.get("error")).isEqualTo("access_denied");
          assertThat(back).doesNotContainKey("code");
          assertThat(
                  api.post("/api/oauth/requests/" + id)
                      .as(tab)
                      .json(Map.of("approve", true))
                      .send()
                      .status())
              .isEqualTo(404);
        });
  }

  private static String errorOf(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(302);
    return OAuthTestClient.query(URI.create(r.header("Location"))).get("error");
  }
}
