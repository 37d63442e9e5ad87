package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.server.mcp.McpHttp;
import io.adoconnect.store.OAuthStore;
import io.adoconnect.store.StoreLocation;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The MCP sign-in across instances on one PostgreSQL database: a client's authorization request
 * started through one instance waits in the database, is approved on the page of another, and its
 * code is redeemed through the first; answered once, whichever instance is asked again.
 */
class McpInstancesTest extends ServerTestBase {
  private Map<String, String> database = Map.of();

  @Override
  ServerApp createApp(ServerConfig config, AdoConnect ado) {
    StoreLocation location = StoreLocation.fromEnvironment(dataDir(), database);
    return ServerApp.create(config, ado, new McpHttp(OAuthStore.open(location), false, "test"));
  }

  private Service on(Map<String, String> db) {
    Map<String, String> env = env();
    env.putAll(db);
    return new Service(env, Optional.empty(), c -> c);
  }

  @Test
  void anAuthorizationStartedOnOneInstanceIsApprovedOnAnotherAndRedeemedOnTheFirst() {
    try (PostgresSchema pg = PostgresSchema.create()) {
      database = pg.environment(dataDir().resolveSibling("pg"));
      try (Service one = on(database);
          Service two = on(database)) {
        serve(
            one,
            (s1, api1) ->
                serve(
                    two,
                    (s2, api2) -> {
                      OAuthTestClient client =
                          new OAuthTestClient(api1, api1.login(s1.app.loginLink())).register();
                      Map<String, String> params = client.authorizeParams();
                      Api.Response authorize = client.authorize(params);
                      assertThat(authorize.status()).as(authorize.toString()).isEqualTo(302);
                      String id = authorize.header("Location").substring("/?consent=".length());

                      Api.BrowserTab page = api2.login(s2.app.loginLink());
                      Api.Response shown = api2.get("/api/oauth/requests/" + id).as(page).send();
                      assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
                      assertThat(shown.json().path("clientName").asText()).isEqualTo("Test agent");
                      Api.Response answer =
                          api2.post("/api/oauth/requests/" + id)
                              .as(page)
                              .json(Map.of("approve", true, "write", false, "sourcesOnly", false))
                              .send();
                      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                      Map<String, String> back =
                          OAuthTestClient.query(
                              URI.create(answer.json().path("redirect").asText()));
                      assertThat(back.get("state")).isEqualTo(params.get("state"));

                      Api.Response token =
                          client.exchange(
                              back.get("code"), client.verifier, OAuthTestClient.REDIRECT);
                      assertThat(token.status()).as(token.toString()).isEqualTo(200);

                      // answered once: the first instance no longer has it either
                      Api.BrowserTab firstPage = api1.login(s1.app.loginLink());
                      assertThat(
                              api1.post("/api/oauth/requests/" + id)
                                  .as(firstPage)
                                  .json(
                                      Map.of("approve", true, "write", false, "sourcesOnly", false))
                                  .send()
                                  .status())
                          .isEqualTo(404);
                    }));
      }
    }
  }
}
