package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.auth.Secret;
import io.adoconnect.store.ConnectionMethod;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Web sign-in of a confidential app registration against the simulated Entra: PKCE S256, exact
 * redirect URI, client secret; forged, replayed, cross-browser and verifier-less callbacks and open
 * redirects are refused and change nothing; the account later refreshes with the secret.
 */
class WebSignInTest extends ServerTestBase {
  private static final Pattern REQUEST_ID =
      Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");
  private static final Pattern ACTION =
      Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
  // per test (JUnit makes an instance each): no pooled connection outlives its service
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  Service confidential() {
    Map<String, String> env = env();
    env.put("ADO_CONNECT_AZURE_DEVOPS_CLIENT_ID", WEB_CLIENT_ID);
    return new Service(env, Optional.of(Secret.of(CLIENT_SECRET)), c -> c);
  }

  /** The start of a sign-in as the browser sees it: where Entra is, and the binding cookie. */
  record Started(URI authorize, String state, String binding) {}

  Started start(Service service, Api api) {
    simulator.registerClient(
        WEB_CLIENT_ID, CLIENT_SECRET, List.of(service.app.redirectUri().toString()));
    Api.Response r = api.get("/api/signin/microsoft").send();
    assertThat(r.status()).as(r.toString()).isEqualTo(302);
    URI authorize = URI.create(r.header("Location"));
    assertThat(authorize.getQuery())
        .contains("code_challenge_method=S256")
        .contains("code_challenge=")
        .contains("redirect_uri=" + service.app.redirectUri());
    String setCookie = r.headerValues("Set-Cookie").get(0);
    assertThat(setCookie)
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/api/signin/microsoft/callback");
    return new Started(
        authorize, param(authorize.getRawQuery(), "state"), r.setCookie("ado_signin"));
  }

  /**
   * Plays the user at the simulated Entra page: Accept, and returns the callback URL Entra
   * redirects to.
   */
  URI approve(URI authorize) throws IOException, InterruptedException {
    String page =
        http.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    String requestId = find(REQUEST_ID, page);
    URI post = authorize.resolve(find(ACTION, page));
    HttpResponse<String> decision =
        http.send(
            HttpRequest.newBuilder(post)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "request_id="
                            + URLEncoder.encode(requestId, StandardCharsets.UTF_8)
                            + "&action=accept"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    URI callback =
        URI.create(
            decision
                .headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError(decision.body())));
    canaries.add(param(callback.getRawQuery(), "code"));
    return callback;
  }

  static String pathAndQuery(URI uri) {
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  @Test
  void signInSavesAnAuthorizationCodeAccountThatRefreshesWithTheSecret() {
    try (Service service = confidential()) {
      serve(
          service,
          (s, api) -> {
            Started started = start(s, api);
            URI callback = approve(started.authorize());
            Api.Response done =
                api.get(pathAndQuery(callback))
                    .noToken()
                    .cookie("ado_signin=" + started.binding())
                    .send();
            assertThat(done.status()).as(done.toString()).isEqualTo(303);
            assertThat(done.header("Location")).isEqualTo("/");
            assertThat(s.ado.accounts())
                .singleElement()
                .satisfies(
                    a -> assertThat(a.method()).isEqualTo(ConnectionMethod.AUTHORIZATION_CODE));

            // replaying the same callback is refused and changes nothing
            Api.Response replay =
                api.get(pathAndQuery(callback))
                    .noToken()
                    .cookie("ado_signin=" + started.binding())
                    .send();
            assertThat(replay.status()).isEqualTo(400);
            assertThat(replay.code()).isEqualTo("invalid_state");

            // the access token expires: the next call refreshes with the client secret (the
            // simulator demands it)
            simulator.expireAccessTokens();
            clock.advance(java.time.Duration.ofHours(2));
            Api.Response repos = api.get("/api/repositories").send();
            assertThat(repos.status()).as(repos.toString()).isEqualTo(200);
            assertThat(repos.lines().get(repos.lines().size() - 1).path("type").asText())
                .as(repos.toString())
                .isEqualTo("done");
            assertThat(
                    simulator.requests().stream()
                        .filter(r -> r.path().endsWith("/oauth2/v2.0/token")))
                .hasSizeGreaterThanOrEqualTo(2);
            assertThat(api.get("/api/accounts").send().json().get(0).path("status").asText())
                .isEqualTo("connected");
          });
    }
  }

  @Test
  void forgedCrossBrowserAndVerifierlessCallbacksAreRefusedAndChangeNothing() {
    try (Service service = confidential()) {
      serve(
          service,
          (s, api) -> {
            Started started = start(s, api);
            URI callback = approve(started.authorize());
            String code = param(callback.getRawQuery(), "code");
            // forged state
            assertThat(
                    api.get("/api/signin/microsoft/callback?state=forged&code=" + code)
                        .noToken()
                        .cookie("ado_signin=" + started.binding())
                        .send()
                        .code())
                .isEqualTo("invalid_state");
            // right state, but another browser (no binding cookie, or someone else's)
            assertThat(api.get(pathAndQuery(callback)).noToken().send().code())
                .isEqualTo("invalid_state");
            Started other = start(s, api);
            assertThat(
                    api.get(pathAndQuery(callback))
                        .noToken()
                        .cookie("ado_signin=" + other.binding())
                        .send()
                        .code())
                .isEqualTo("invalid_state");
            // no state at all
            assertThat(
                    api.get("/api/signin/microsoft/callback?code=" + code)
                        .noToken()
                        .send()
                        .status())
                .isEqualTo(400);
            assertThat(s.ado.accounts()).isEmpty();
            // the rightful browser can still finish
            assertThat(
                    api.get(pathAndQuery(callback))
                        .noToken()
                        .cookie("ado_signin=" + started.binding())
                        .send()
                        .status())
                .isEqualTo(303);
            assertThat(s.ado.accounts()).hasSize(1);
          });
    }
  }

  @Test
  void aCodeFromAnotherSignInFailsPkceAndACallbackAfterARestartStillCompletesOnce()
      throws Exception {
    Started[] first = new Started[1];
    URI[] firstCallback = new URI[1];
    try (Service service = confidential()) {
      serve(
          service,
          (s, api) -> {
            Started a = start(s, api);
            Started b = start(s, api);
            URI callbackA = approve(a.authorize());
            // code injection: A's code presented with B's state and binding → B's PKCE verifier
            // doesn't match
            String injected =
                "/api/signin/microsoft/callback?state="
                    + b.state()
                    + "&code="
                    + param(callbackA.getRawQuery(), "code");
            Api.Response r = api.get(injected).noToken().cookie("ado_signin=" + b.binding()).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(s.ado.accounts()).isEmpty();
            first[0] = a;
            firstCallback[0] = callbackA;
          });
    }
    // the service restarts: the pending sign-in (its PKCE verifier sealed) is in the database,
    // so the callback completes on the new instance — once, and only for its own browser
    try (Service service = confidential()) {
      serve(
          service,
          (s, api) -> {
            Api.Response foreign =
                api.get(pathAndQuery(firstCallback[0]))
                    .noToken()
                    .cookie("ado_signin=" + first[0].binding() + "x")
                    .send();
            assertThat(foreign.status()).isEqualTo(400);
            Api.Response late =
                api.get(pathAndQuery(firstCallback[0]))
                    .noToken()
                    .cookie("ado_signin=" + first[0].binding())
                    .send();
            assertThat(late.status()).as(late.toString()).isEqualTo(303);
            assertThat(s.ado.accounts()).hasSize(1);
            Api.Response again =
                api.get(pathAndQuery(firstCallback[0]))
                    .noToken()
                    .cookie("ado_signin=" + first[0].binding())
                    .send();
            assertThat(again.status()).isEqualTo(400);
          });
    }
  }

  @Test
  void openRedirectsAreRefusedAndEntraErrorsSaveNothing() {
    try (Service service = confidential()) {
      serve(
          service,
          (s, api) -> {
            simulator.registerClient(
                WEB_CLIENT_ID, CLIENT_SECRET, List.of(s.app.redirectUri().toString()));
            for (String evil :
                List.of(
                    "https://evil.example",
                    "//evil.example",
                    "/\\evil.example",
                    "javascript:alert(1)",
                    "http:/evil")) {
              Api.Response r =
                  api.get(
                          "/api/signin/microsoft?returnTo="
                              + URLEncoder.encode(evil, StandardCharsets.UTF_8))
                      .send();
              assertThat(r.status()).as(evil).isEqualTo(400);
              assertThat(r.code()).isEqualTo("invalid_return_to");
            }
            Api.Response local = api.get("/api/signin/microsoft?returnTo=/sources").send();
            assertThat(local.status()).isEqualTo(302);
            String state = param(URI.create(local.header("Location")).getRawQuery(), "state");
            Api.Response denied =
                api.get(
                        "/api/signin/microsoft/callback?state="
                            + state
                            + "&error=access_denied&error_description=%3Cscript%3E")
                    .noToken()
                    .cookie("ado_signin=" + local.setCookie("ado_signin"))
                    .send();
            assertThat(denied.status()).isEqualTo(424);
            assertThat(denied.body()).doesNotContain("<script>");
            assertThat(s.ado.accounts()).isEmpty();
            assertThat(api.get("/api/signin/microsoft").noToken().send().status()).isEqualTo(401);
          });
    }
  }

  @Test
  void aDeploymentsScopesAreAskedForShownOnTheAccountAndAnOperationBeyondThemIsRefusedUnsent() {
    Map<String, String> env = env();
    env.put("ADO_CONNECT_AZURE_DEVOPS_CLIENT_ID", WEB_CLIENT_ID);
    env.put("ADO_CONNECT_ENTRA_SCOPES", "vso.code vso.work_write");
    try (Service service = new Service(env, Optional.of(Secret.of(CLIENT_SECRET)), c -> c)) {
      serve(
          service,
          (s, api) -> {
            Started started = start(s, api);
            assertThat(param(started.authorize().getRawQuery(), "scope"))
                .isEqualTo(
                    "499b84ac-1321-427f-aa17-267ca6975798/vso.code"
                        + " 499b84ac-1321-427f-aa17-267ca6975798/vso.work_write"
                        + " 499b84ac-1321-427f-aa17-267ca6975798/vso.profile"
                        + " offline_access openid profile");
            URI callback = approve(started.authorize());
            assertThat(
                    api.get(pathAndQuery(callback))
                        .noToken()
                        .cookie("ado_signin=" + started.binding())
                        .send()
                        .status())
                .isEqualTo(303);

            var account = api.get("/api/accounts").send().json().get(0);
            assertThat(account.path("scope").asText())
                .isEqualTo("vso.code vso.work_write vso.profile");
            var permissions = account.path("permissions");
            assertThat(permissions.path("kind").asText()).isEqualTo("scopes");
            assertThat(permissions.path("scopes").get(0).path("id").asText()).isEqualTo("vso.code");
            assertThat(permissions.path("scopes").get(0).path("name").asText())
                .isEqualTo("Code (Read)");
            assertThat(permissions.path("scopes").get(1).path("name").asText())
                .isEqualTo("Work Items (Read & write)");

            var definition =
                simulator
                    .buildDefinitions(simulator.dataset().organization("org-001").orElseThrow())
                    .get(0);
            String project =
                "/api/projects/org-001/"
                    + io.adoconnect.http.Urls.encodeSegment(definition.project().name());
            // within the scopes: works (and learns the organizations' tenants, anonymous probes)
            assertThat(api.get("/api/repositories?organization=org-001").send().status())
                .isEqualTo(200);
            simulator.resetCounts();
            Api.Response builds = api.get(project + "/builds").send();
            assertThat(builds.status()).as(builds.toString()).isEqualTo(424);
            assertThat(builds.code()).isEqualTo("azure_devops_access_denied");
            assertThat(builds.json().path("action").path("type").asText()).isEqualTo("add_scope");
            assertThat(builds.json().path("action").path("parameters").path("scope").asText())
                .isEqualTo("vso.build");
            assertThat(builds.json().path("hint").asText())
                .contains("ADO_CONNECT_ENTRA_SCOPES")
                .contains("sign in with Microsoft again");
            assertThat(simulator.requests()).as("requests to Azure DevOps").isEmpty();
          });
    }
  }

  private static String param(String rawQuery, String name) {
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(
            pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + rawQuery);
  }

  private static String find(Pattern pattern, String page) {
    Matcher m = pattern.matcher(page);
    if (!m.find()) {
      throw new AssertionError("not on the sign-in page: " + page);
    }
    return m.group(1);
  }
}
