package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.server.OpenApiTest.Operation;
import io.adoconnect.server.TeamFixture.Caller;
import io.adoconnect.server.docs.DocsController;
import io.adoconnect.simulator.data.Repository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Team mode isolation, walking the OpenAPI document so a new route is covered without editing this
 * test: end user B's ids (account, source, subscription, device flow, MCP grant and waiting MCP
 * sign-in, organization, project, repository) used by end user A of the same application, or by an
 * end user of another application with B's very name, get 404 on every route that takes an id (in
 * its path, its {@code account} query or its body), and no listing shows any of B's rows. Over
 * {@code /mcp}, A's token neither reaches B's connections nor uses B's MCP session.
 *
 * <p>Bodies are made from each operation's request schema (its required properties, with B's
 * organization, project, repository and account wherever the schema has them), so they pass the
 * route's own checks and the 404 is the owner's doing. Public routes are left out: the service hook
 * receiver is reached by Azure DevOps with the subscription's own credential, not as an end user.
 */
class IsolationTest extends ServerTestBase {
  @Override
  ServerApp createApp(ServerConfig config, io.adoconnect.connect.AdoConnect ado) {
    return ServerApp.create(
        config,
        ado,
        new io.adoconnect.server.mcp.McpHttp(
            io.adoconnect.store.OAuthStore.open(dataDir()), true, "test"));
  }

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
  private static final List<String> BODY_IDS =
      List.of("organization", "project", "repository", "account");

  @Test
  void anotherEndUsersIdsAreNotFoundOnEveryRouteAndInNoListing() throws Exception {
    try (Service service =
        new Service(env(), Optional.empty(), c -> c.withTeam(TeamFixture.teamMode(true)))) {
      Caller bob = TeamFixture.application(service, "orchestrator", "bob");
      Caller alice = bob.as("alice");
      Caller otherBob = TeamFixture.application(service, "ci", "bob");
      canaries.add(bob.key());
      canaries.add(otherBob.key());
      Repository repo =
          simulator.dataset().organization("org-002").orElseThrow().repositories().stream()
              .filter(Repository::cloneable)
              .findFirst()
              .orElseThrow();
      serve(
          service,
          (s, api) -> {
            Map<String, String> b = new LinkedHashMap<>();
            b.put("organization", "org-002");
            b.put("project", repo.project().name());
            b.put("repository", repo.name());
            b.put("account", connect(api, bob, "org-002"));
            b.put(
                "source",
                created(bob.on(api.post("/api/sources")).json(b).send()).path("id").asText());
            b.put(
                "subscription",
                created(
                        bob.on(api.post("/api/hooks/subscriptions"))
                            .json(
                                Map.of(
                                    "organization", "org-002",
                                    "project", repo.project().name(),
                                    "repository", repo.name(),
                                    "eventTypes", List.of("git.push")))
                            .send())
                    .get(0)
                    .path("id")
                    .asText());
            b.put(
                "flowId",
                created(bob.on(api.post("/api/connections/device")).send())
                    .path("flowId")
                    .asText());
            connect(api, alice, "org-001"); // alice has rows of her own
            OAuthTestClient bobsAgent = McpTeamTest.signedIn(api, bob, true);
            b.put(
                "grant",
                bob.on(api.get("/api/oauth/clients")).send().json().get(0).path("id").asText());
            OAuthTestClient waiting =
                new OAuthTestClient(api, api.login(McpTeamTest.link(api, bob))).register();
            String location = waiting.authorize(waiting.authorizeParams()).header("Location");
            b.put("request", location.substring("/?consent=".length()));
            OAuthTestClient alicesAgent = McpTeamTest.signedIn(api, alice, true);

            List<String> checked = new ArrayList<>();
            for (Operation op : OpenApiTest.operations()) {
              if (op.isPublic() || !op.isApi()) {
                continue;
              }
              for (Caller other : List.of(alice, otherBob)) {
                if (takesAnId(op)) {
                  Api.Response r = request(api, other, op, b).send();
                  assertThat(r.status())
                      .as("%s as %s with bob's ids answered %s", op, other, r)
                      .isEqualTo(404);
                  assertThat(r.code()).as(op.toString()).isNotEqualTo("route_not_found");
                  checked.add(op.toString());
                } else if (op.method().equals("GET")) {
                  Api.Response r = other.on(api.get(op.path())).send();
                  for (String id :
                      List.of("account", "source", "subscription", "flowId", "grant", "request")) {
                    assertThat(r.body()).as("%s as %s", op, other).doesNotContain(b.get(id));
                  }
                  assertThat(r.body()).as("%s as %s", op, other).doesNotContain("org-002");
                }
              }
            }
            assertThat(checked)
                .contains(
                    "DELETE /api/accounts/{id}",
                    "DELETE /api/sources/{id}",
                    "DELETE /api/hooks/subscriptions/{id}",
                    "GET /api/connections/device/{flowId}",
                    "POST /api/sources",
                    "GET /api/repositories/{organization}/{project}/{repository}/branches",
                    "GET /api/oauth/requests/{id}",
                    "POST /api/oauth/requests/{id}",
                    "DELETE /api/oauth/clients/{id}");

            // /mcp: alice's token lists her organization only, is refused bob's, and can't use
            // bob's MCP session
            String bobs = bobsAgent.initialize();
            String alices = alicesAgent.initialize();
            assertThat(alicesAgent.call(alices, "list_organizations", Map.of()).toString())
                .contains("org-001")
                .doesNotContain("org-002");
            JsonNode reaching =
                alicesAgent.call(
                    alices,
                    "list_branches",
                    Map.of(
                        "organization", "org-002",
                        "project", b.get("project"),
                        "repository", b.get("repository")));
            assertThat(reaching.path("isError").asBoolean()).as(reaching.toString()).isTrue();
            assertThat(
                    alicesAgent
                        .mcp("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", bobs)
                        .send()
                        .status())
                .isEqualTo(403);

            // bob still has every row the walk tried to reach
            assertThat(bob.on(api.get("/api/accounts")).send().json()).hasSize(1);
            assertThat(bob.on(api.get("/api/sources")).send().json()).hasSize(1);
            assertThat(bob.on(api.get("/api/hooks/subscriptions")).send().json()).hasSize(1);
            assertThat(bob.on(api.get("/api/oauth/clients")).send().json()).hasSize(1);
            assertThat(bob.on(api.get("/api/oauth/requests/" + b.get("request"))).send().status())
                .isEqualTo(200);
            assertThat(bobsAgent.call(bobs, "list_organizations", Map.of()).toString())
                .contains("org-002");
            assertThat(
                    bob.on(api.get("/api/connections/device/" + b.get("flowId"))).send().status())
                .isEqualTo(200);
          });
    }
  }

  private static String connect(Api api, Caller caller, String org) {
    Api.Response r =
        caller
            .on(api.post("/api/connections/pat"))
            .json(Map.of("organizations", List.of(org), "pat", CANARY_PAT))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private static JsonNode created(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  /**
   * An id in the path, or an {@code account} in the query or the body: a route that reaches rows
   * the caller already has. (A body with only an organization — a PAT to connect or test — names
   * where to connect, not another user's row.)
   */
  private static boolean takesAnId(Operation op) throws Exception {
    if (op.path().contains("{")) {
      return true;
    }
    for (JsonNode p : op.spec().path("parameters")) {
      if (p.path("name").asText().equals("account")) {
        return true;
      }
    }
    JsonNode schema = requestSchema(op);
    return schema != null && schema.path("properties").has("account");
  }

  /** The operation as the other caller would send it, with bob's ids everywhere. */
  private static Api.Request request(Api api, Caller caller, Operation op, Map<String, String> b)
      throws Exception {
    Matcher m = PATH_PARAM.matcher(op.path());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(encode(pathValue(op, m.group(1), b))));
    }
    m.appendTail(path);
    // the account query, and every other required one with a value its schema accepts
    String separator = "?";
    for (JsonNode p : op.spec().path("parameters")) {
      String name = p.path("name").asText();
      if (!p.path("in").asText().equals("query")
          || !(name.equals("account") || p.path("required").asBoolean())) {
        continue;
      }
      String value =
          name.equals("account") ? b.get("account") : String.valueOf(example(p.path("schema"), b));
      path.append(separator).append(name).append('=').append(encode(value));
      separator = "&";
    }
    Api.Request request = caller.on(api.request(op.method(), path.toString()));
    JsonNode schema = requestSchema(op);
    if (schema != null) {
      request.json(example(schema, b));
    }
    return request;
  }

  private static String pathValue(Operation op, String name, Map<String, String> b) {
    if (name.equals("id")) {
      if (op.path().startsWith("/api/accounts/")) {
        return b.get("account");
      }
      if (op.path().startsWith("/api/sources/")) {
        return b.get("source");
      }
      if (op.path().startsWith("/api/hooks/subscriptions/")) {
        return b.get("subscription");
      }
      if (op.path().startsWith("/api/oauth/clients/")) {
        return b.get("grant");
      }
      if (op.path().startsWith("/api/oauth/requests/")) {
        return b.get("request");
      }
      return "1";
    }
    if (name.equals("commitId")) {
      return "0123456789abcdef0123456789abcdef01234567";
    }
    return b.getOrDefault(name, "1");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonNode requestSchema(Operation op) throws Exception {
    JsonNode schema = op.spec().path("requestBody").path("content").path("application/json");
    return schema.isMissingNode() ? null : resolve(schema.path("schema"));
  }

  private static JsonNode resolve(JsonNode schema) throws Exception {
    String ref = schema.path("$ref").asText("");
    if (ref.isEmpty()) {
      return schema;
    }
    JsonNode doc = Api.JSON.readTree(DocsController.openApiDocument());
    return resolve(doc.at(ref.substring(1)));
  }

  /** A value the schema accepts: required properties, and bob's ids where the schema has them. */
  private static Object example(JsonNode schema, Map<String, String> b) throws Exception {
    schema = resolve(schema);
    if (schema.has("enum")) {
      return Api.JSON.treeToValue(schema.path("enum").get(0), Object.class);
    }
    switch (schema.path("type").asText("object")) {
      case "string":
        return schema.path("format").asText().equals("date-time") ? "2024-01-01T00:00:00Z" : "x1";
      case "integer":
      case "number":
        return 1;
      case "boolean":
        return false;
      case "array":
        return schema.path("minItems").asInt(0) > 0
            ? List.of(example(schema.path("items"), b))
            : List.of();
      default:
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> wanted = new ArrayList<>();
        schema.path("required").forEach(r -> wanted.add(r.asText()));
        BODY_IDS.stream().filter(schema.path("properties")::has).forEach(wanted::add);
        for (String name : wanted) {
          body.put(
              name,
              b.containsKey(name) ? b.get(name) : example(schema.path("properties").path(name), b));
        }
        return body;
    }
  }
}
