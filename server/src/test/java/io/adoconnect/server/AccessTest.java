package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.server.access.ApiToken;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTest extends ServerTestBase {

  @Test
  void healthIsPublicAndEverythingElseNeedsTheToken() {
    serve(
        (service, api) -> {
          assertThat(api.get("/api/health").noToken().send().json().path("status").asText())
              .isEqualTo("ok");
          Api.Response none = api.get("/api/accounts").noToken().send();
          assertThat(none.status()).isEqualTo(401);
          assertThat(none.code()).isEqualTo("unauthorized");
          assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
          assertThat(
                  api.get("/api/accounts")
                      .header("Authorization", "Bearer " + "x".repeat(43))
                      .send()
                      .status())
              .isEqualTo(401);
          assertThat(
                  api.get("/api/accounts")
                      .header("Authorization", "Basic Zm9vOmJhcg==")
                      .send()
                      .status())
              .isEqualTo(401);
          assertThat(api.get("/api/accounts").send().status()).isEqualTo(200);
          // unknown routes don't reveal themselves before authentication
          assertThat(api.get("/api/nope").noToken().send().status()).isEqualTo(401);
          Api.Response missing = api.get("/api/nope").send();
          assertThat(missing.status()).isEqualTo(404);
          assertThat(missing.json().has("hint")).isTrue();
        });
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    serve(
        (service, api) -> {
          for (Api.Response r :
              new Api.Response[] {
                api.get("/").noToken().send(), api.get("/api/health").send(),
                    api.get("/api/accounts").noToken().send(),
                api.get("/api/nope").send(), api.get("/openapi.json").send(),
                    api.post("/api/sources").json("{").send()
              }) {
            assertThat(r.header("Cache-Control")).as(r.request()).isEqualTo("no-store");
            assertThat(r.header("Content-Security-Policy"))
                .as(r.request())
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
          }
          Api.Response home = api.get("/").noToken().send();
          assertThat(home.status()).isEqualTo(200);
          // no inline script or style: every script is a file of the page's own, no style element
          // or attribute
          assertThat(home.body())
              .contains("/openapi.json")
              .doesNotContain("style=")
              .doesNotContain("<style")
              .doesNotContain("javascript:")
              .doesNotContainPattern("(?i)\\son[a-z]+=");
          String[] scripts = home.body().split("<script", -1);
          assertThat(scripts).hasSizeGreaterThan(1);
          assertThat(java.util.Arrays.asList(scripts).subList(1, scripts.length))
              .allSatisfy(tag -> assertThat(tag).startsWith(" src=\"/assets/"));
          for (String asset : new String[] {"/assets/app.js", "/assets/app.css"}) {
            Api.Response r = api.get(asset).noToken().send();
            assertThat(r.status()).as(asset).isEqualTo(200);
            assertThat(r.header("Content-Security-Policy")).as(asset).contains("script-src 'self'");
          }
          assertThat(api.get("/assets/../openapi.json").noToken().send().status())
              .isNotEqualTo(200);
          assertThat(api.get("/assets/nope.js").noToken().send().status()).isEqualTo(404);
          assertThat(api.post("/assets/app.js").noToken().json("{}").send().status())
              .isIn(401, 404, 405);
        });
  }

  @Test
  void theApiTokenFileIsPrivateRandomAndKeptAcrossRestarts() throws Exception {
    ApiToken first = ApiToken.loadOrCreate(dataDir());
    assertThat(first.reveal()).matches("[A-Za-z0-9_-]{43,}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())))
        .isEqualTo("rw-------");
    assertThat(ApiToken.loadOrCreate(dataDir()).reveal()).isEqualTo(first.reveal());
    Files.delete(first.file());
    assertThat(ApiToken.loadOrCreate(dataDir()).reveal()).isNotEqualTo(first.reveal());
    canaries.add(ApiToken.loadOrCreate(dataDir()).reveal());
  }

  @Test
  void aLoginTicketOpensOneCookieSessionOnceAndExpires() {
    serve(
        (service, api) -> {
          String link = service.app.loginLink();
          assertThat(link)
              .startsWith("http://127.0.0.1:")
              .contains("/login?ticket=")
              .doesNotContain(service.token.reveal());
          String path = link.substring(link.indexOf("/login"));
          Api.Response login = api.get(path).noToken().send();
          assertThat(login.status()).isEqualTo(303);
          assertThat(login.header("Location")).isEqualTo("/");
          String setCookie = login.headerValues("Set-Cookie").get(0);
          assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
          String cookie = "ado_session=" + login.setCookie("ado_session");

          assertThat(api.get(path).noToken().send().status()).as("single use").isEqualTo(400);

          Api.Response session = api.get("/api/session").noToken().cookie(cookie).send();
          assertThat(session.status()).isEqualTo(200);
          assertThat(session.json().path("via").asText()).isEqualTo("cookie");
          String csrf = session.json().path("csrfToken").asText();
          assertThat(csrf).hasSizeGreaterThan(30);

          // cookie + no CSRF header: refused; with it: allowed
          assertThat(
                  api.post("/api/connections/pat/test")
                      .noToken()
                      .cookie(cookie)
                      .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                      .send()
                      .code())
              .isEqualTo("csrf_token_invalid");
          assertThat(
                  api.post("/api/connections/pat/test")
                      .noToken()
                      .cookie(cookie)
                      .header("X-CSRF-Token", csrf)
                      .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                      .send()
                      .status())
              .isEqualTo(200);
          // a login link minted by a cookie session is refused: only the token holder may
          assertThat(
                  api.post("/api/session/login-link")
                      .noToken()
                      .cookie(cookie)
                      .header("X-CSRF-Token", csrf)
                      .send()
                      .status())
              .isEqualTo(403);

          String late = service.app.loginLink();
          clock.advance(Duration.ofSeconds(61));
          assertThat(api.get(late.substring(late.indexOf("/login"))).noToken().send().code())
              .isEqualTo("login_ticket_invalid");
          assertThat(api.get("/login?ticket=forged").noToken().send().status()).isEqualTo(400);

          // logout ends the session
          assertThat(
                  api.delete("/api/session")
                      .noToken()
                      .cookie(cookie)
                      .header("X-CSRF-Token", csrf)
                      .send()
                      .status())
              .isEqualTo(204);
          assertThat(api.get("/api/session").noToken().cookie(cookie).send().status())
              .isEqualTo(401);

          Api.Response minted = api.post("/api/session/login-link").send();
          assertThat(minted.status()).isEqualTo(201);
          String url = minted.json().path("url").asText();
          assertThat(api.get(url.substring(url.indexOf("/login"))).noToken().send().status())
              .isEqualTo(303);
        });
  }

  @Test
  void aCrossOriginFormPostWithTheSessionCookieChangesNothing() {
    serve(
        (service, api) -> {
          String link = service.app.loginLink();
          Api.Response login = api.get(link.substring(link.indexOf("/login"))).noToken().send();
          String cookie = "ado_session=" + login.setCookie("ado_session");
          String csrf =
              api.get("/api/session")
                  .noToken()
                  .cookie(cookie)
                  .send()
                  .json()
                  .path("csrfToken")
                  .asText();
          byte[] form = ("organization=org-001&pat=" + CANARY_PAT).getBytes();

          Api.Response formPost =
              api.post("/api/connections/pat")
                  .noToken()
                  .cookie(cookie)
                  .header("Origin", "https://evil.example")
                  .header("Sec-Fetch-Site", "cross-site")
                  .body("application/x-www-form-urlencoded", form)
                  .send();
          assertThat(formPost.status()).isEqualTo(403);
          // even with a stolen CSRF token and a JSON body, a foreign Origin is refused
          Api.Response foreign =
              api.post("/api/connections/pat")
                  .noToken()
                  .cookie(cookie)
                  .header("X-CSRF-Token", csrf)
                  .header("Origin", "https://evil.example")
                  .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                  .send();
          assertThat(foreign.code()).isEqualTo("cross_origin");
          Api.Response sameSite =
              api.post("/api/connections/pat")
                  .noToken()
                  .cookie(cookie)
                  .header("X-CSRF-Token", csrf)
                  .header("Sec-Fetch-Site", "same-site")
                  .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                  .send();
          assertThat(sameSite.status()).isEqualTo(403);
          assertThat(service.ado.accounts()).isEmpty();

          Api.Response sameOrigin =
              api.post("/api/connections/pat")
                  .noToken()
                  .cookie(cookie)
                  .header("X-CSRF-Token", csrf)
                  .header("Origin", api.base().toString())
                  .header("Sec-Fetch-Site", "same-origin")
                  .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                  .send();
          assertThat(sameOrigin.status()).as(sameOrigin.toString()).isEqualTo(201);
          assertThat(service.ado.accounts()).hasSize(1);
        });
  }
}
