package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.server.TeamFixture.Caller;
import io.adoconnect.server.mcp.McpHttp;
import io.adoconnect.store.OAuthStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code /mcp} in a team deployment: the end user signs an MCP client in through their connect-link
 * session, the grant is theirs, and its token works on their connections alone.
 */
class McpTeamTest extends ServerTestBase {

  @Override
  ServerApp createApp(ServerConfig config, AdoConnect ado) {
    return ServerApp.create(config, ado, new McpHttp(OAuthStore.open(dataDir()), true, "test"));
  }

  private Service team() {
    return new Service(env(), Optional.empty(), c -> c.withTeam(TeamFixture.teamMode(false)));
  }

  static String link(Api api, Caller caller) {
    Api.Response r = caller.on(api.post("/api/connect-links")).send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("url").asText();
  }

  static void connect(Api api, Caller caller, String org) {
    Api.Response r =
        caller
            .on(api.post("/api/connections/pat"))
            .json(Map.of("organizations", List.of(org), "pat", CANARY_PAT))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  /** An MCP client signed in by {@code caller}'s end user, from a connect link's page session. */
  static OAuthTestClient signedIn(Api api, Caller caller, boolean write) {
    return new OAuthTestClient(api, api.login(link(api, caller))).signIn(write, false);
  }

  @Test
  void eachEndUsersTokenWorksOnTheirOwnConnectionsAlone() {
    try (Service service = team()) {
      Caller bob = TeamFixture.application(service, "orchestrator", "bob");
      Caller alice = bob.as("alice");
      canaries.add(bob.key());
      serve(
          service,
          (s, api) -> {
            connect(api, bob, "org-002");
            connect(api, alice, "org-001");
            OAuthTestClient bobsAgent = signedIn(api, bob, true);
            OAuthTestClient alicesAgent = signedIn(api, alice, false);

            String bobs = bobsAgent.initialize();
            String bobsOrganizations =
                bobsAgent.call(bobs, "list_organizations", Map.of()).toString();
            assertThat(bobsOrganizations).contains("org-002").doesNotContain("org-001");
            assertThat(bobsAgent.tools(bobs)).contains("queue_build");

            String alices = alicesAgent.initialize();
            assertThat(alicesAgent.call(alices, "list_organizations", Map.of()).toString())
                .contains("org-001")
                .doesNotContain("org-002");
            assertThat(alicesAgent.tools(alices)).doesNotContain("queue_build");
            JsonNode reachingBob =
                alicesAgent.call(alices, "list_repositories", Map.of("organization", "org-002"));
            assertThat(reachingBob.path("isError").asBoolean()).as(reachingBob.toString()).isTrue();

            // write calls go to the audit log of the end user the agent acts for, refused or not
            JsonNode failed =
                bobsAgent.call(
                    bobs,
                    "queue_build",
                    Map.of("organization", "org-002", "project", "nope", "definition", "x"));
            assertThat(failed.path("isError").asBoolean()).as(failed.toString()).isTrue();
            JsonNode refused =
                alicesAgent.call(
                    alices,
                    "queue_build",
                    Map.of("organization", "org-001", "project", "nope", "definition", "x"));
            assertThat(refused.path("isError").asBoolean()).as(refused.toString()).isTrue();
            assertThat(
                    service.ado.applications().audit(bob.application(), 50).stream()
                        .filter(e -> e.via().equals("mcp"))
                        .map(e -> e.endUser() + " " + e.action() + " " + e.status()))
                .containsExactly(
                    "alice tools/call queue_build 403", "bob tools/call queue_build 400");

            // bob's session with alice's token: refused, whoever holds the session id
            Api.Response hijack =
                alicesAgent
                    .mcp("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", bobs)
                    .send();
            assertThat(hijack.status()).isEqualTo(403);

            // each end user sees and revokes only their own grants
            JsonNode bobsGrants = bob.on(api.get("/api/oauth/clients")).send().json();
            JsonNode alicesGrants = alice.on(api.get("/api/oauth/clients")).send().json();
            assertThat(bobsGrants).hasSize(1);
            assertThat(alicesGrants).hasSize(1);
            String bobsGrant = bobsGrants.get(0).path("id").asText();
            assertThat(alicesGrants.get(0).path("id").asText()).isNotEqualTo(bobsGrant);
            assertThat(alice.on(api.delete("/api/oauth/clients/" + bobsGrant)).send().status())
                .isEqualTo(404);
            assertThat(bobsAgent.tools(bobs)).isNotEmpty();
            assertThat(bob.on(api.delete("/api/oauth/clients/" + bobsGrant)).send().status())
                .isEqualTo(204);
            assertThat(
                    bobsAgent
                        .mcp("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", bobs)
                        .send()
                        .status())
                .isEqualTo(401);
          });
    }
  }

  @Test
  void theDocumentDescribesExactlyTheRoutesATeamDeploymentHas() {
    try (Service service = team()) {
      serve(
          service,
          (s, api) -> {
            java.util.Set<String> documented = new java.util.TreeSet<>();
            OpenApiTest.operations().forEach(op -> documented.add(op.toString()));
            assertThat(documented).isEqualTo(new java.util.TreeSet<>(service.app.routes()));
            assertThat(documented).contains("POST /mcp", "GET /oauth/authorize");
          });
    }
  }

  @Test
  void withoutAConnectLinkSessionAuthorizeAnswersWithAHintAndNoForm() {
    try (Service service = team()) {
      Caller bob = TeamFixture.application(service, "orchestrator", "bob");
      canaries.add(bob.key());
      serve(
          service,
          (s, api) -> {
            OAuthTestClient stranger = new OAuthTestClient(api, null).register();
            Api.Response hint = stranger.authorize(stranger.authorizeParams());
            assertThat(hint.status()).isEqualTo(401);
            assertThat(hint.header("Content-Type")).startsWith("text/html");
            assertThat(hint.body()).contains("connect link").doesNotContain("<form");

            // a session of a revoked application is no session
            OAuthTestClient bobs = new OAuthTestClient(api, api.login(link(api, bob))).register();
            assertThat(bobs.authorize(bobs.authorizeParams()).status()).isEqualTo(302);
            service.ado.applications().revoke(bob.application());
            assertThat(bobs.authorize(bobs.authorizeParams()).status()).isEqualTo(401);
          });
    }
  }

  @Test
  void aWaitingSignInIsSeenAndAnsweredOnlyByTheEndUserWhoseBrowserAsked() {
    try (Service service = team()) {
      Caller bob = TeamFixture.application(service, "orchestrator", "bob");
      Caller alice = bob.as("alice");
      canaries.add(bob.key());
      serve(
          service,
          (s, api) -> {
            Api.BrowserTab bobsTab = api.login(link(api, bob));
            Api.BrowserTab alicesTab = api.login(link(api, alice));
            OAuthTestClient client = new OAuthTestClient(api, bobsTab).register();
            Api.Response asked = client.authorize(client.authorizeParams());
            assertThat(asked.status()).isEqualTo(302);
            String id = asked.header("Location").substring("/?consent=".length());

            assertThat(api.get("/api/oauth/requests/" + id).as(alicesTab).send().status())
                .isEqualTo(404);
            Api.Response answered =
                api.post("/api/oauth/requests/" + id)
                    .as(alicesTab)
                    .json(Map.of("approve", true, "write", false, "sourcesOnly", false))
                    .send();
            assertThat(answered.status()).isEqualTo(404);
            assertThat(alice.on(api.get("/api/oauth/requests/" + id)).send().status())
                .isEqualTo(404);
            assertThat(api.get("/api/oauth/requests/" + id).as(bobsTab).send().status())
                .isEqualTo(200);
          });
    }
  }
}
