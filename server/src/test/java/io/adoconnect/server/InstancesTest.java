package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.server.TeamFixture.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What outlives one instance of the service: login links, connect links and signed-in pages live in
 * the database, so a restart keeps them working (SQLite or PostgreSQL), and two team instances on
 * one PostgreSQL database honour each other's links and sessions.
 */
class InstancesTest extends ServerTestBase {

  private Service teamOn(Map<String, String> extra) {
    Map<String, String> env = env();
    env.putAll(extra);
    return new Service(env, Optional.empty(), c -> c.withTeam(TeamFixture.teamMode(false)));
  }

  private static String link(Api api, Caller caller) {
    Api.Response r = caller.on(api.post("/api/connect-links")).send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("url").asText();
  }

  private void restartKeepsASignedInPageAndAnUnusedConnectLink(Map<String, String> database) {
    AtomicReference<Caller> alice = new AtomicReference<>();
    AtomicReference<Api.BrowserTab> tab = new AtomicReference<>();
    AtomicReference<String> unused = new AtomicReference<>();
    try (Service first = teamOn(database)) {
      alice.set(TeamFixture.application(first, "orchestrator", "alice"));
      canaries.add(alice.get().key());
      serve(
          first,
          (s, api) -> {
            tab.set(api.login(link(api, alice.get())));
            assertThat(
                    api.post("/api/connections/pat")
                        .as(tab.get())
                        .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
                        .send()
                        .status())
                .isEqualTo(201);
            unused.set(link(api, alice.get()));
          });
    }

    try (Service restarted = teamOn(database)) {
      serve(
          restarted,
          (s, api) -> {
            Api.Response session = api.get("/api/session").as(tab.get()).send();
            assertThat(session.status()).as(session.toString()).isEqualTo(200);
            assertThat(session.json().path("endUser").asText()).isEqualTo("alice");
            assertThat(api.get("/api/accounts").as(tab.get()).send().json()).hasSize(1);

            Api.BrowserTab second = api.login(unused.get());
            assertThat(api.get("/api/accounts").as(second).send().json()).hasSize(1);
            // still once only
            String ticket = unused.get().substring(unused.get().indexOf("ticket=") + 7);
            Api.Response again =
                api.post("/api/session").noToken().json(Map.of("ticket", ticket)).send();
            assertThat(again.status()).isEqualTo(400);

            // logging out ends the session for every instance
            assertThat(api.delete("/api/session").as(second).send().status()).isIn(200, 204);
            assertThat(api.get("/api/accounts").as(second).send().status()).isEqualTo(401);
          });
    }
  }

  @Test
  void aRestartKeepsASignedInPageAndAnUnusedConnectLinkOnSqlite() {
    restartKeepsASignedInPageAndAnUnusedConnectLink(Map.of());
  }

  @Test
  void aRestartKeepsASignedInPageAndAnUnusedConnectLinkOnPostgres() {
    try (PostgresSchema pg = PostgresSchema.create()) {
      restartKeepsASignedInPageAndAnUnusedConnectLink(
          pg.environment(dataDir().resolveSibling("pg")));
    }
  }

  @Test
  void aSingleUserLoginLinkAndItsPageSurviveARestart() {
    AtomicReference<Api.BrowserTab> tab = new AtomicReference<>();
    AtomicReference<String> unused = new AtomicReference<>();
    try (Service first = service()) {
      serve(
          first,
          (s, api) -> {
            tab.set(api.login(s.app.loginLink()));
            unused.set(s.app.loginLink());
          });
    }
    try (Service restarted = service()) {
      serve(
          restarted,
          (s, api) -> {
            assertThat(api.get("/api/session").as(tab.get()).send().status()).isEqualTo(200);
            Api.BrowserTab second = api.login(unused.get());
            assertThat(api.get("/api/accounts").as(second).send().status()).isEqualTo(200);
          });
    }
  }

  @Test
  void twoTeamInstancesOnOnePostgresHonourEachOthersLinksAndSessions() {
    try (PostgresSchema pg = PostgresSchema.create()) {
      Map<String, String> database = pg.environment(dataDir().resolveSibling("pg"));
      try (Service one = teamOn(database);
          Service two = teamOn(database)) {
        Caller alice = TeamFixture.application(one, "orchestrator", "alice");
        canaries.add(alice.key());
        serve(
            one,
            (s1, api1) ->
                serve(
                    two,
                    (s2, api2) -> {
                      // the application's key, created through one, works on the other
                      String url = link(api1, alice);
                      // a link minted through one opens on the other, once
                      Api.BrowserTab tab = api2.login(url);
                      assertThat(
                              api2.post("/api/connections/pat")
                                  .as(tab)
                                  .json(
                                      Map.of(
                                          "organizations", List.of("org-001"), "pat", CANARY_PAT))
                                  .send()
                                  .status())
                          .isEqualTo(201);
                      // the page's next call lands on the first instance: same session, same rows
                      assertThat(api1.get("/api/accounts").as(tab).send().json()).hasSize(1);
                      String ticket = url.substring(url.indexOf("ticket=") + 7);
                      assertThat(
                              api1.post("/api/session")
                                  .noToken()
                                  .json(Map.of("ticket", ticket))
                                  .send()
                                  .status())
                          .isEqualTo(400);
                      assertThat(alice.on(api2.get("/api/accounts")).send().json()).hasSize(1);
                    }));
      }
    }
  }
}
