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
          assertThat(home.body()).contains("<script src=\"/assets/main.js\" type=\"module\">");
          for (String asset :
              new String[] {"/assets/main.js", "/assets/api.js", "/assets/app.css"}) {
            Api.Response r = api.get(asset).noToken().send();
            assertThat(r.status()).as(asset).isEqualTo(200);
            assertThat(r.header("Content-Security-Policy")).as(asset).contains("script-src 'self'");
          }
          assertThat(api.get("/assets/../openapi.json").noToken().send().status())
              .isNotEqualTo(200);
          assertThat(api.get("/assets/nope.js").noToken().send().status()).isEqualTo(404);
          assertThat(api.post("/assets/main.js").noToken().json("{}").send().status())
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
  void aLoginLinkOpensTheSessionOfOneTabOnceAndExpires() {
    serve(
        (service, api) -> {
          String link = service.app.loginLink();
          assertThat(link)
              .startsWith("http://127.0.0.1:")
              .contains("/login?ticket=")
              .doesNotContain(service.token.reveal());
          String path = link.substring(link.indexOf("/login"));
          // opening the link shows the page, and spends nothing (a link preview may fetch it)
          Api.Response page = api.get(path).noToken().send();
          assertThat(page.status()).isEqualTo(200);
          assertThat(page.header("Content-Type")).startsWith("text/html");
          assertThat(page.body()).contains("/assets/main.js").doesNotContain("ticket=");
          assertThat(page.headerValues("Set-Cookie")).isEmpty();

          // the page's login exchange: the cookie for the browser, the secret for this tab
          String ticket = link.substring(link.indexOf("ticket=") + 7);
          Api.Response exchange =
              api.post("/api/session").noToken().json(Map.of("ticket", ticket)).send();
          assertThat(exchange.status()).as(exchange.toString()).isEqualTo(201);
          String setCookie = exchange.headerValues("Set-Cookie").get(0);
          assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
          String secret = exchange.json().path("tabSecret").asText();
          assertThat(secret).hasSizeGreaterThan(30);
          assertThat(exchange.json().path("header").asText()).isEqualTo("X-Tab-Secret");
          Api.BrowserTab tab =
              new Api.BrowserTab("ado_session=" + exchange.setCookie("ado_session"), secret);

          // the ticket worked once: the exchange and the link itself now say so
          Api.Response again =
              api.post("/api/session").noToken().json(Map.of("ticket", ticket)).send();
          assertThat(again.status()).isEqualTo(400);
          assertThat(again.code()).isEqualTo("login_ticket_invalid");
          Api.Response spent = api.get(path).noToken().send();
          assertThat(spent.status()).isEqualTo(400);
          assertThat(spent.header("Content-Type")).startsWith("text/html");
          assertThat(spent.body())
              .contains("This login link no longer works")
              .contains("ado-connect login-link")
              .doesNotContain("{\"code\"");

          Api.Response session = api.get("/api/session").as(tab).send();
          assertThat(session.status()).isEqualTo(200);
          assertThat(session.json().path("via").asText()).isEqualTo("cookie");
          assertThat(session.body()).doesNotContain(secret);

          // cookie and tab secret: allowed, also for state-changing calls
          assertThat(
                  api.post("/api/connections/pat/test")
                      .as(tab)
                      .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                      .send()
                      .status())
              .isEqualTo(200);
          // the cookie alone, or with another tab's or no secret: nothing
          Api.Response cookieOnly = api.get("/api/session").noToken().cookie(tab.cookie()).send();
          assertThat(cookieOnly.status()).isEqualTo(401);
          assertThat(cookieOnly.code()).isEqualTo("tab_secret_required");
          assertThat(cookieOnly.body()).doesNotContain(secret);
          assertThat(
                  api.get("/api/accounts")
                      .as(new Api.BrowserTab(tab.cookie(), "x".repeat(43)))
                      .send()
                      .status())
              .isEqualTo(401);
          assertThat(
                  api.get("/api/accounts").noToken().header("X-Tab-Secret", secret).send().code())
              .isEqualTo("unauthorized");
          // a login link minted by a cookie session is refused: only the token holder may
          assertThat(api.post("/api/session/login-link").as(tab).send().status()).isEqualTo(403);

          String late = service.app.loginLink();
          clock.advance(Duration.ofSeconds(61));
          assertThat(api.get(late.substring(late.indexOf("/login"))).noToken().send().status())
              .isEqualTo(400);
          assertThat(
                  api.post("/api/session")
                      .noToken()
                      .json(Map.of("ticket", late.substring(late.indexOf("ticket=") + 7)))
                      .send()
                      .code())
              .isEqualTo("login_ticket_invalid");
          assertThat(api.get("/login?ticket=forged").noToken().send().status()).isEqualTo(400);
          assertThat(api.get("/login").noToken().send().status()).isEqualTo(400);

          // logout ends the session
          assertThat(api.delete("/api/session").as(tab).send().status()).isEqualTo(204);
          assertThat(api.get("/api/session").as(tab).send().status()).isEqualTo(401);

          Api.Response minted = api.post("/api/session/login-link").send();
          assertThat(minted.status()).isEqualTo(201);
          assertThat(api.login(minted.json().path("url").asText()).secret()).isNotEqualTo(secret);
        });
  }

  @Test
  void aSecondTabOfTheSameBrowserNeedsALinkOfItsOwnAndKeepsTheFirstWorking() {
    serve(
        (service, api) -> {
          Api.BrowserTab first = api.login(service.app.loginLink());
          Api.BrowserTab second = api.login(service.app.loginLink(), first.cookie());
          assertThat(second.cookie()).as("same browser session").isEqualTo(first.cookie());
          assertThat(second.secret()).isNotEqualTo(first.secret());
          assertThat(api.get("/api/accounts").as(first).send().status()).isEqualTo(200);
          assertThat(api.get("/api/accounts").as(second).send().status()).isEqualTo(200);
          // a third tab opened without a link has the cookie only
          assertThat(api.get("/api/accounts").noToken().cookie(first.cookie()).send().status())
              .isEqualTo(401);
        });
  }

  @Test
  void aCrossOriginFormPostWithTheSessionCookieChangesNothing() {
    serve(
        (service, api) -> {
          Api.BrowserTab tab = api.login(service.app.loginLink());
          byte[] form = ("organization=org-001&pat=" + CANARY_PAT).getBytes();

          Api.Response formPost =
              api.post("/api/connections/pat")
                  .noToken()
                  .cookie(tab.cookie())
                  .header("Origin", "https://evil.example")
                  .header("Sec-Fetch-Site", "cross-site")
                  .body("application/x-www-form-urlencoded", form)
                  .send();
          assertThat(formPost.status()).isIn(401, 403);
          // even with a stolen tab secret and a JSON body, a foreign Origin is refused
          Api.Response foreign =
              api.post("/api/connections/pat")
                  .as(tab)
                  .header("Origin", "https://evil.example")
                  .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                  .send();
          assertThat(foreign.code()).isEqualTo("cross_origin");
          Api.Response sameSite =
              api.post("/api/connections/pat")
                  .as(tab)
                  .header("Sec-Fetch-Site", "same-site")
                  .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                  .send();
          assertThat(sameSite.status()).isEqualTo(403);
          // another port of the same host is another origin
          Api.Response otherPort =
              api.post("/api/connections/pat")
                  .as(tab)
                  .header("Origin", "http://127.0.0.1:" + (service.app.port() + 1))
                  .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                  .send();
          assertThat(otherPort.code()).isEqualTo("cross_origin");
          // the login exchange itself is refused from a foreign origin
          Api.Response foreignLogin =
              api.post("/api/session")
                  .noToken()
                  .header("Origin", "https://evil.example")
                  .json(Map.of("ticket", service.app.loginLink().replaceAll(".*ticket=", "")))
                  .send();
          assertThat(foreignLogin.code()).isEqualTo("cross_origin");
          assertThat(service.ado.accounts()).isEmpty();

          Api.Response sameOrigin =
              api.post("/api/connections/pat")
                  .as(tab)
                  .header("Origin", api.base().toString())
                  .header("Sec-Fetch-Site", "same-origin")
                  .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
                  .send();
          assertThat(sameOrigin.status()).as(sameOrigin.toString()).isEqualTo(201);
          assertThat(service.ado.accounts()).hasSize(1);
        });
  }
}
