package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.PathCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every simulated answer carries the fields of Microsoft's example for it: each response fixture
 * (copied from Microsoft's REST specs into src/test/resources/fixtures) is compared key path by key
 * path (arrays by their first element) with what the simulator answers to the same call. A missing
 * field fails unless {@link #NOT_SIMULATED} names it, with the reason.
 */
class MicrosoftFieldsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String V = "api-version=7.1";

  /**
   * Fields of Microsoft's examples the simulator leaves out, each with why. Keys under a path
   * ending in {@code .*} are data, not shape (work item fields, property bags).
   */
  private static final Map<String, Set<String>> NOT_SIMULATED =
      Map.of(
          // Queued here without classic variables: Azure DevOps leaves the field out then too.
          "build.json", Set.of("parameters"),
          // The fixture's first thread is Azure DevOps' own merge-status note (CodeReview*
          // properties); the simulator writes no system threads.
          "pr-thread-list.json",
              Set.of("value[].properties.*", "value[].comments[].author.isContainer"),
          // An active pull request's trial merge commit is not simulated; completing one sets it.
          "pull-request.json", Set.of("lastMergeCommit", "lastMergeCommit.*"),
          // Release artifacts are simplified to the repository (no version defaults).
          "release.json",
              Set.of(
                  "artifacts[].definitionReference.artifactSourceDefinitionUrl.*",
                  "artifacts[].definitionReference.artifactSourceDefinitionUrl",
                  "artifacts[].definitionReference.artifactSourceVersionUrl",
                  "artifacts[].definitionReference.artifactSourceVersionUrl.*",
                  "artifacts[].definitionReference.defaultVersionBranch",
                  "artifacts[].definitionReference.defaultVersionBranch.*",
                  "artifacts[].definitionReference.defaultVersionSpecific",
                  "artifacts[].definitionReference.defaultVersionSpecific.*",
                  "artifacts[].definitionReference.defaultVersionTags",
                  "artifacts[].definitionReference.defaultVersionTags.*",
                  "artifacts[].definitionReference.defaultVersionType",
                  "artifacts[].definitionReference.defaultVersionType.*"));

  private static Simulator simulator;
  private static TestClient client;
  private static Repository repo;
  private static String project;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().orgs(1).build());
    client = new TestClient(simulator);
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    repo =
        org.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    project = "/org-001/" + PathCodec.encodeSegment(repo.project().name());
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static String repoPath() {
    return project + "/_apis/git/repositories/" + repo.id();
  }

  /** Each fixture and the call(s) that answer it here. */
  private static Map<String, Supplier<JsonNode>> counterparts() {
    return Map.ofEntries(
        Map.entry("profile-me.json", () -> get("/_apis/profile/profiles/me?" + V)),
        Map.entry(
            "accounts-by-member.json",
            () -> {
              String me = get("/_apis/profile/profiles/me?" + V).path("id").asText();
              return get("/_apis/accounts?memberId=" + me + "&" + V);
            }),
        Map.entry("projects-list.json", () -> get("/org-001/_apis/projects?" + V)),
        Map.entry("repositories-list.json", () -> get("/org-001/_apis/git/repositories?" + V)),
        Map.entry("repository.json", () -> get(repoPath() + "?" + V)),
        Map.entry("refs-heads.json", () -> get(repoPath() + "/refs?filter=heads/&" + V)),
        Map.entry(
            "item-metadata.json",
            () -> get(repoPath() + "/items?scopePath=/README.md&recursionLevel=OneLevel&" + V)),
        Map.entry(
            "release-definitions-list.json",
            () -> {
              release();
              return get(project + "/_apis/release/definitions?" + V);
            }),
        Map.entry("release.json", MicrosoftFieldsTest::release),
        Map.entry(
            "build.json",
            () -> {
              int definition =
                  simulator
                      .buildDefinitions(simulator.dataset().organization("org-001").orElseThrow())
                      .get(0)
                      .id();
              int id =
                  post(
                          project + "/_apis/build/builds?" + V,
                          "application/json",
                          "{\"definition\":{\"id\":" + definition + "}}")
                      .path("id")
                      .asInt();
              simulator.completeBuilds();
              return get(project + "/_apis/build/builds/" + id + "?" + V);
            }),
        Map.entry("pull-request.json", () -> get(pullRequest() + "?" + V)),
        Map.entry("pr-thread.json", MicrosoftFieldsTest::thread),
        Map.entry(
            "pr-thread-list.json",
            () -> {
              thread();
              return get(pullRequest() + "/threads?" + V);
            }),
        Map.entry(
            "commit-status.json",
            () -> {
              String commit =
                  get(repoPath() + "/refs?filter=heads/&" + V)
                      .path("value")
                      .get(0)
                      .path("objectId")
                      .asText();
              return post(
                  repoPath() + "/commits/" + commit + "/statuses?" + V,
                  "application/json",
                  "{\"state\":\"succeeded\",\"description\":\"Build passed\","
                      + "\"targetUrl\":\"https://ci.example/1\","
                      + "\"context\":{\"name\":\"ci\",\"genre\":\"build\"}}");
            }),
        Map.entry(
            "work-item.json",
            () ->
                post(
                    project + "/_apis/wit/workitems/$Task?" + V,
                    "application/json-patch+json",
                    "[{\"op\":\"add\",\"path\":\"/fields/System.Title\",\"value\":\"T\"}]")),
        Map.entry(
            "work-items-batch.json",
            () ->
                post(
                    "/org-001/_apis/wit/workitemsbatch?" + V,
                    "application/json",
                    "{\"ids\":[1,2],\"fields\":[\"System.Id\",\"System.Title\",\"System.WorkItemType\","
                        + "\"Microsoft.VSTS.Scheduling.RemainingWork\"]}")),
        Map.entry(
            "wiql-result.json",
            () ->
                post(
                    project + "/_apis/wit/wiql?" + V,
                    "application/json",
                    "{\"query\":\"SELECT [System.Id], [System.Title], [System.State] FROM"
                        + " WorkItems ORDER BY [System.Id]\"}")));
  }

  private static int pullRequestId;

  /** One pull request, opened the first time it is needed. */
  private static synchronized String pullRequest() {
    if (pullRequestId == 0) {
      pullRequestId =
          post(
                  repoPath() + "/pullrequests?" + V,
                  "application/json",
                  "{\"sourceRefName\":\"refs/heads/feature/search\",\"targetRefName\":\""
                      + repo.defaultBranch()
                      + "\",\"title\":\"Search\",\"description\":\"Adds search.\","
                      + "\"reviewers\":[{\"id\":\""
                      + simulator.people().all().get(1).id()
                      + "\"}]}")
              .path("pullRequestId")
              .asInt();
    }
    return repoPath() + "/pullRequests/" + pullRequestId;
  }

  private static JsonNode thread() {
    return post(
        pullRequest() + "/threads?" + V,
        "application/json",
        "{\"comments\":[{\"parentCommentId\":0,\"content\":\"Looks good\",\"commentType\":1}],"
            + "\"status\":1}");
  }

  private static JsonNode release() {
    int definition =
        get(project + "/_apis/release/definitions?" + V).path("value").get(0).path("id").asInt();
    return post(
        project + "/_apis/release/releases?" + V,
        "application/json",
        "{\"definitionId\":" + definition + ",\"description\":\"Ship it\"}");
  }

  @Test
  void everySimulatedAnswerHasTheFieldsOfMicrosoftsExample() {
    List<String> missing = new ArrayList<>();
    int total = 0;
    int present = 0;
    int excusedCount = 0;
    for (Map.Entry<String, Supplier<JsonNode>> entry :
        new java.util.TreeMap<>(counterparts()).entrySet()) {
      Set<String> expected = paths(fixture(entry.getKey()));
      Set<String> actual = paths(entry.getValue().get());
      Set<String> excused = NOT_SIMULATED.getOrDefault(entry.getKey(), Set.of());
      for (String path : expected) {
        total++;
        if (actual.contains(path)) {
          present++;
        } else if (excusedBy(excused, path)) {
          excusedCount++;
        } else {
          missing.add(entry.getKey() + ": " + path);
        }
      }
    }
    System.out.printf(
        "Microsoft's fields present: %d of %d (%d on the written list), %d fixtures%n",
        present, total, excusedCount, counterparts().size());
    assertThat(missing).as("fields of Microsoft's examples the simulator leaves out").isEmpty();
  }

  private static boolean excusedBy(Set<String> excused, String path) {
    for (String rule : excused) {
      if (rule.endsWith(".*")
          ? path.startsWith(rule.substring(0, rule.length() - 1))
          : path.equals(rule)) {
        return true;
      }
    }
    return false;
  }

  /** Key paths of a JSON document: {@code value[].project.name}; arrays by their first element. */
  static Set<String> paths(JsonNode node) {
    Set<String> out = new TreeSet<>();
    collect(node, "", out);
    return out;
  }

  private static void collect(JsonNode node, String prefix, Set<String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        out.add(path);
        collect(field.getValue(), path, out);
      }
    } else if (node.isArray() && !node.isEmpty()) {
      collect(node.get(0), prefix + "[]", out);
    }
  }

  private static JsonNode get(String pathAndQuery) {
    HttpResponse<String> response = client.get(pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isLessThan(300);
    return TestClient.json(response);
  }

  static JsonNode post(String pathAndQuery, String contentType, String body) {
    HttpResponse<String> response =
        TestClient.send(
            client
                .request(pathAndQuery)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isLessThan(300);
    return TestClient.json(response);
  }

  private static JsonNode fixture(String name) {
    try (InputStream in = MicrosoftFieldsTest.class.getResourceAsStream("/fixtures/" + name)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
