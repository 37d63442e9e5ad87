package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging, authentication answers, api-version rules, the location service and the vssps host. */
class ProtocolTest {

  private static Simulator simulator;
  private static TestClient client;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().projects(7).build());
    client = new TestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void projectsPageWithTopAndContinuationToken() {
    List<String> names = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    String token = null;
    do {
      HttpResponse<String> page =
          client.get(
              "/org-001/_apis/projects?api-version=7.1&$top=3"
                  + (token == null ? "" : "&continuationToken=" + token));
      TestClient.json(page).get("value").forEach(p -> names.add(p.get("name").asText()));
      token = page.headers().firstValue("x-ms-continuationtoken").orElse(null);
      tokens.add(token);
    } while (token != null);

    assertThat(tokens).containsExactly("3", "6", null);
    assertThat(names)
        .containsExactlyElementsOf(
            simulator.dataset().organizations().get(0).projects().stream()
                .map(p -> p.name())
                .toList());
  }

  @Test
  void projectsHonourSkipAndSingleProjectLookup() {
    var projects = simulator.dataset().organizations().get(0).projects();

    JsonNode page = TestClient.json(client.get("/org-001/_apis/projects?$top=2&$skip=5"));
    JsonNode single =
        TestClient.json(client.get("/org-001/_apis/projects/" + projects.get(1).id()));

    assertThat(page.get("count").asInt()).isEqualTo(2);
    assertThat(page.get("value").get(0).get("id").asText())
        .isEqualTo(projects.get(5).id().toString());
    assertThat(single.get("name").asText()).isEqualTo(projects.get(1).name());
    assertThat(client.get("/org-001/_apis/projects/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void missingCredentialGets203SignInPageWithoutSuppressHeader() {
    HttpResponse<String> response =
        TestClient.send(
            HttpRequest.newBuilder(simulator.baseUri().resolve("/org-001/_apis/projects"))
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(203);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.body()).contains("Sign In");
    assertThat(response.headers().firstValue("X-VSS-ResourceTenant"))
        .hasValue(simulator.dataset().user().tenantId().toString());
  }

  @Test
  void invalidCredentialGets401EnvelopeWithSuppressHeader() {
    HttpResponse<String> response =
        TestClient.send(
            client
                .request("/org-001/_apis/connectionData")
                .setHeader("Authorization", TestClient.basic("wrong"))
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode json = TestClient.json(response);
    assertThat(json.get("message").asText())
        .isEqualTo("TF400813: The user '' is not authorized to access this resource.");
    assertThat(json.get("typeKey").asText()).isEqualTo("UnauthorizedRequestException");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            value ->
                assertThat(value).startsWith("Bearer authorization_uri=").contains("Basic realm="));
    assertThat(response.headers().firstValue("X-VSS-ResourceTenant")).isPresent();
  }

  @Test
  void revokedPatIsRejectedAndBearerTokensAndAddedPatsAreAccepted() {
    simulator.addBearerToken("entra-token");
    simulator.addPat("second-pat");
    HttpResponse<String> bearer =
        TestClient.send(
            client
                .request("/_apis/profile/profiles/me")
                .setHeader("Authorization", "Bearer entra-token")
                .GET()
                .build());
    HttpResponse<String> second =
        TestClient.send(
            client
                .request("/tfs/DefaultCollection/_apis/connectionData")
                .setHeader("Authorization", TestClient.basic("second-pat"))
                .GET()
                .build());
    simulator.revokePat("second-pat");
    HttpResponse<String> revoked =
        TestClient.send(
            client
                .request("/tfs/DefaultCollection/_apis/connectionData")
                .setHeader("Authorization", TestClient.basic("second-pat"))
                .GET()
                .build());

    assertThat(bearer.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(revoked.statusCode()).isEqualTo(401);
  }

  @Test
  void serverRejectsVersionsAboveSixWithTheExactMessage() {
    HttpResponse<String> response =
        client.get("/tfs/DefaultCollection/_apis/projects?api-version=7.1");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode json = TestClient.json(response);
    assertThat(json.get("message").asText())
        .isEqualTo(
            "The requested REST API version of 7.1 is out of range "
                + "for this server. The latest REST API version this server supports is 6.0.");
    assertThat(json.get("typeKey").asText()).isEqualTo("VssVersionOutOfRangeException");
    assertThat(
            client.get("/DefaultCollection/_apis/projects?api-version=6.0-preview.4").statusCode())
        .isEqualTo(200);
  }

  @Test
  void servicesAcceptsUpTo72PreviewAndRejectsMalformedVersions() {
    assertThat(client.get("/org-001/_apis/projects?api-version=7.2-preview.4").statusCode())
        .isEqualTo(200);
    assertThat(client.get("/org-001/_apis/projects?api-version=7.1-preview.1").statusCode())
        .isEqualTo(200);
    assertThat(client.get("/org-001/_apis/projects?api-version=5.0").statusCode()).isEqualTo(200);
    assertThat(client.get("/org-001/_apis/projects?api-version=7.3-preview.1").statusCode())
        .isEqualTo(400);
    assertThat(client.get("/org-001/_apis/projects?api-version=seven").statusCode()).isEqualTo(400);
    HttpResponse<String> viaAccept =
        TestClient.send(
            client
                .request("/tfs/DefaultCollection/_apis/projects")
                .setHeader("Accept", "application/json;api-version=7.0")
                .GET()
                .build());
    assertThat(viaAccept.statusCode()).isEqualTo(400);
  }

  @Test
  void connectionDataTellsServicesFromServer() {
    JsonNode services = TestClient.json(client.get("/org-002/_apis/connectionData"));
    JsonNode server = TestClient.json(client.get("/tfs/DefaultCollection/_apis/connectionData"));
    JsonNode unprefixed = TestClient.json(client.get("/DefaultCollection/_apis/connectionData"));
    JsonNode deployment = TestClient.json(client.get("/tfs/_apis/connectionData"));

    assertThat(services.get("deploymentType").asText()).isEqualTo("hosted");
    assertThat(services.get("instanceId").asText())
        .isEqualTo(simulator.dataset().organizations().get(1).instanceId().toString());
    assertThat(services.get("authenticatedUser").get("id").asText())
        .isEqualTo(simulator.dataset().user().id().toString());
    assertThat(server.get("deploymentType").asText()).isEqualTo("onPremises");
    assertThat(server.get("webApplicationRelativeDirectory").asText()).isEqualTo("/tfs/");
    assertThat(unprefixed.get("webApplicationRelativeDirectory").asText()).isEqualTo("/");
    assertThat(deployment.get("deploymentType").asText()).isEqualTo("onPremises");
  }

  @Test
  void optionsListsApiLocationsWithDeploymentVersions() {
    JsonNode all =
        TestClient.json(
            TestClient.send(
                client
                    .request("/org-001/_apis")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build()));
    JsonNode git =
        TestClient.json(
            TestClient.send(
                client
                    .request("/tfs/DefaultCollection/_apis/git")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build()));

    List<String> ids = new ArrayList<>();
    all.get("value").forEach(location -> ids.add(location.get("id").asText()));
    assertThat(ids)
        .contains(
            "603fe2ac-9723-48b9-88ad-09305aa6c6e1",
            "225f7195-f9c7-4d14-ab28-a83f7ff77e1f",
            "e81700f7-3be2-46de-8624-2eb35882fcaa",
            "00d9565f-ed9c-4a06-9a50-00e7896ccab4");
    assertThat(all.get("count").asInt()).isEqualTo(ids.size());
    List<String> gitIds = new ArrayList<>();
    git.get("value").forEach(location -> gitIds.add(location.get("id").asText()));
    assertThat(gitIds)
        .containsExactlyInAnyOrder(
            "225f7195-f9c7-4d14-ab28-a83f7ff77e1f",
            "2d874a60-a811-4f62-9c9f-963a6ea0a55b",
            "fb93c0db-47ed-4a31-8c20-47552878fb44",
            "428dd4fb-fda5-4722-af02-9313b80305da",
            // pull requests: in a repository, in a project, by id, reviewers, threads, comments,
            // statuses
            "9946fd70-0d40-406e-b686-b4744cbbcc37",
            "a5d28130-9cd2-40fa-9f08-902e7daa9efb",
            "01a46dea-7d46-4d40-bc84-319e7c260d99",
            "4b6702c7-aa35-4b89-9c96-b9abf6d3e540",
            "ab6e2e5d-a0b7-4153-b64a-a4efe0d49449",
            "965a3ec7-5ed8-455a-bdcb-835a5ea7fe7b",
            "b5f6bb4f-8d1e-4d79-8d11-4c9172c99c35");
    assertThat(git.get("count").asInt()).isEqualTo(11);
    JsonNode repositories =
        git.get("value").get(gitIds.indexOf("225f7195-f9c7-4d14-ab28-a83f7ff77e1f"));
    assertThat(repositories.get("routeTemplate").asText())
        .isEqualTo("{project}/_apis/{area}/{resource}/{repositoryId}");
    assertThat(repositories.get("maxVersion").asText()).isEqualTo("6.0");
    assertThat(repositories.get("releasedVersion").asText()).isEqualTo("6.0");
  }

  @Test
  void resourceAreasPointServicesClientsAtTheirHostsAndServerClientsNowhere() {
    JsonNode services = TestClient.json(client.get("/org-001/_apis/resourceAreas"));
    JsonNode server = TestClient.json(client.get("/tfs/DefaultCollection/_apis/ResourceAreas"));
    JsonNode core =
        TestClient.json(
            client.get("/org-001/_apis/ResourceAreas/79134C72-4A58-4B42-976C-04E7115F32BF"));

    assertThat(services.get("count").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(core.get("locationUrl").asText()).isEqualTo(simulator.baseUri() + "/org-001/");
    assertThat(server.get("count").asInt()).isZero();
    assertThat(server.get("value").isNull()).isTrue();
  }

  @Test
  void vsspsServesProfileAndAccounts() {
    String me = simulator.dataset().user().id().toString();
    JsonNode profile = TestClient.json(client.get("/_apis/profile/profiles/me?api-version=7.1"));
    JsonNode accounts =
        TestClient.json(client.get("/_apis/accounts?memberId=" + me + "&api-version=7.1"));
    JsonNode stranger =
        TestClient.json(client.get("/_apis/accounts?memberId=" + UUID.randomUUID()));
    HttpResponse<String> missing = client.get("/_apis/accounts?api-version=7.1");

    assertThat(profile.get("id").asText()).isEqualTo(me);
    assertThat(profile.get("publicAlias").asText()).isEqualTo(me);
    assertThat(
            profile.has("displayName") && profile.has("emailAddress") && profile.has("timeStamp"))
        .isTrue();
    assertThat(accounts.get("count").asInt()).isEqualTo(3);
    assertThat(accounts.get("value").get(0).get("accountName").asText()).isEqualTo("org-001");
    assertThat(accounts.get("value").get(0).get("accountUri").asText())
        .isEqualTo(simulator.baseUri() + "/org-001/");
    assertThat(stranger.get("count").asInt()).isZero();
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(TestClient.json(missing).get("message").asText())
        .isEqualTo("Necessary parameters ownerId or memberId were not provided");
  }
}
