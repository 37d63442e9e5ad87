package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.server.TeamFixture.Caller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Connect links: the application asks for a one-time, short-lived link for one end user; it opens
 * the integrations page for that user alone.
 */
class ConnectLinksTest extends ServerTestBase {

  private Service team() {
    return new Service(env(), Optional.empty(), c -> c.withTeam(TeamFixture.teamMode(false)));
  }

  private static String link(Api api, Caller caller) {
    Api.Response r = caller.on(api.post("/api/connect-links")).send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().path("endUser").asText()).isEqualTo(caller.endUser());
    return r.json().path("url").asText();
  }

  private static Api.Response connect(Api.Request request, String org) {
    return request.json(Map.of("organizations", List.of(org), "pat", CANARY_PAT)).send();
  }

  @Test
  void aLinkOpensThePageForItsEndUserAloneOnce() {
    try (Service service = team()) {
      Caller alice = TeamFixture.application(service, "orchestrator", "alice");
      Caller bob = alice.as("bob");
      canaries.add(alice.key());
      serve(
          service,
          (s, api) -> {
            assertThat(connect(bob.on(api.post("/api/connections/pat")), "org-002").status())
                .isEqualTo(201);
            String url = link(api, alice);
            String path = url.substring(url.indexOf("/login"));
            assertThat(api.get(path).noToken().send().status()).isEqualTo(200);

            Api.BrowserTab tab = api.login(url);
            Api.Response session = api.get("/api/session").as(tab).send();
            assertThat(session.json().path("endUser").asText()).isEqualTo("alice");
            assertThat(session.json().path("deviceCode").asBoolean()).isFalse();
            assertThat(api.get("/api/accounts").as(tab).send().json()).isEmpty(); // not bob's
            assertThat(connect(api.post("/api/connections/pat").as(tab), "org-001").status())
                .isEqualTo(201);
            assertThat(alice.on(api.get("/api/accounts")).send().json()).hasSize(1);
            assertThat(bob.on(api.get("/api/accounts")).send().json())
                .extracting(a -> a.path("organizations").get(0).asText())
                .containsExactly("org-002");
            // the page can't mint links or reach another user
            assertThat(api.post("/api/connect-links").as(tab).send().status()).isEqualTo(403);

            // used once: the link is spent, for the page and for the exchange alike
            Api.Response again = api.get(path).noToken().send();
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.body()).contains("connect link no longer works");
            String ticket = url.substring(url.indexOf("ticket=") + 7);
            Api.Response exchange =
                api.post("/api/session").noToken().json(Map.of("ticket", ticket)).send();
            assertThat(exchange.status()).isEqualTo(400);
            assertThat(exchange.code()).isEqualTo("login_ticket_invalid");
            assertThat(exchange.body()).contains("Ask the application");

            // revoking the application ends its users' page sessions too
            assertThat(api.get("/api/accounts").as(tab).send().status()).isEqualTo(200);
            service.ado.applications().revoke(alice.application());
            assertThat(api.get("/api/accounts").as(tab).send().status()).isEqualTo(401);
          });
    }
  }

  @Test
  void anExpiredLinkIsRefusedAndAnotherUsersLinkNeverJoinsTheSession() {
    try (Service service = team()) {
      Caller alice = TeamFixture.application(service, "orchestrator", "alice");
      Caller bob = alice.as("bob");
      serve(
          service,
          (s, api) -> {
            String late = link(api, alice);
            clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            String ticket = late.substring(late.indexOf("ticket=") + 7);
            assertThat(
                    api.post("/api/session").noToken().json(Map.of("ticket", ticket)).send().code())
                .isEqualTo("login_ticket_invalid");

            Api.BrowserTab aliceTab = api.login(link(api, alice));
            Api.BrowserTab bobTab = api.login(link(api, bob), aliceTab.cookie());
            assertThat(bobTab.cookie()).isNotEqualTo(aliceTab.cookie());
            assertThat(api.get("/api/session").as(bobTab).send().json().path("endUser").asText())
                .isEqualTo("bob");
            // alice's tab secret with bob's session cookie opens nothing
            Api.Response mixed =
                api.get("/api/accounts")
                    .noToken()
                    .cookie(bobTab.cookie())
                    .header("X-Tab-Secret", aliceTab.secret())
                    .send();
            assertThat(mixed.status()).isEqualTo(401);
          });
    }
  }

  @Test
  void theSingleUserServiceHasLoginLinksNotConnectLinks() {
    serve(
        (service, api) -> {
          Api.Response r = api.post("/api/connect-links").send();
          assertThat(r.status()).isEqualTo(403);
          assertThat(r.code()).isEqualTo("application_key_required");
        });
  }
}
