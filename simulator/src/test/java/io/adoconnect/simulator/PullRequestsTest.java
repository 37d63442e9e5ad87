package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.http.PathCodec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pull requests on the Services and the Server layout: lifecycle, threads, statuses, errors. */
class PullRequestsTest {
  private Simulator simulator;
  private TestClient client;

  @BeforeEach
  void start() {
    simulator = Simulator.start(SimulatorConfig.defaults());
    client = new TestClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private static Repository withContent(Collection collection, int skip) {
    return collection.repositories().stream()
        .filter(Repository::cloneable)
        .filter(r -> r.defaultBranch() != null)
        .skip(skip)
        .findFirst()
        .orElseThrow();
  }

  private static String repoBase(String collectionPath, Repository repo) {
    return collectionPath
        + "/"
        + PathCodec.encodeSegment(repo.project().name())
        + "/_apis/git/repositories/"
        + PathCodec.encodeSegment(repo.name());
  }

  private HttpResponse<String> send(String method, String path, String json) {
    return TestClient.send(
        client
            .request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> create(String base, String source, String title) {
    return send(
        "POST",
        // 6.0: what both Services and the Server 2020 collection accept.
        base + "/pullrequests?api-version=6.0",
        "{\"sourceRefName\":\"refs/heads/"
            + source
            + "\",\"targetRefName\":\"refs/heads/main\",\"title\":\""
            + title
            + "\",\"description\":\"Adding a new feature\"}");
  }

  @Test
  void createAnswers201WithThePullRequestAndTheCallerAsCreator() {
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow(), 0);
    String base = repoBase("/org-001", repo);

    HttpResponse<String> created = create(base, "feature/search", "Search");

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode pr = TestClient.json(created);
    assertThat(pr.get("pullRequestId").asInt()).isEqualTo(1);
    assertThat(pr.get("status").asText()).isEqualTo("active");
    assertThat(pr.get("sourceRefName").asText()).isEqualTo("refs/heads/feature/search");
    assertThat(pr.get("repository").get("id").asText()).isEqualTo(repo.id().toString());
    assertThat(pr.get("createdBy").get("id").asText())
        .isEqualTo(simulator.dataset().user().id().toString());
    assertThat(pr.get("lastMergeSourceCommit").get("commitId").asText()).hasSize(40);
    assertThat(pr.get("_links").get("self").get("href").asText()).endsWith("/pullRequests/1");

    HttpResponse<String> again = create(base, "feature/search", "Search again");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(TestClient.json(again).get("message").asText()).startsWith("TF401179:");

    HttpResponse<String> unknown = create(base, "no-such-branch", "Nope");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(TestClient.json(unknown).get("message").asText()).startsWith("TF401398:");
  }

  @Test
  void listFiltersByStatusAndTargetAndPagesWithTopAndSkip() {
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow(), 0);
    String base = repoBase("/org-001", repo);
    create(base, "feature/search", "One");
    create(base, "feature/login-page", "Two");
    send("PATCH", base + "/pullrequests/1?api-version=7.1", "{\"status\":\"abandoned\"}");

    JsonNode active = TestClient.json(client.get(base + "/pullrequests?api-version=7.1"));
    assertThat(titles(active)).containsExactly("Two");
    JsonNode all =
        TestClient.json(
            client.get(base + "/pullrequests?searchCriteria.status=all&api-version=7.1"));
    assertThat(titles(all)).containsExactly("Two", "One");
    JsonNode second =
        TestClient.json(
            client.get(
                base + "/pullrequests?searchCriteria.status=all&$top=1&$skip=1&api-version=7.1"));
    assertThat(titles(second)).containsExactly("One");
    String me = simulator.dataset().user().id().toString();
    JsonNode mine =
        TestClient.json(
            client.get(
                base
                    + "/pullrequests?searchCriteria.status=all&searchCriteria.creatorId="
                    + me
                    + "&searchCriteria.targetRefName=refs/heads/other&api-version=7.1"));
    assertThat(mine.get("count").asInt()).isZero();

    JsonNode byProject =
        TestClient.json(
            client.get(
                "/org-001/"
                    + PathCodec.encodeSegment(repo.project().name())
                    + "/_apis/git/pullrequests/2?api-version=7.1"));
    assertThat(byProject.get("title").asText()).isEqualTo("Two");
  }

  @Test
  void onceCompletedTheSameBranchesMayOpenANewPullRequest() {
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow(), 0);
    String base = repoBase("/org-001", repo);
    JsonNode first = TestClient.json(create(base, "feature/login-page", "First"));
    assertThat(create(base, "feature/login-page", "Duplicate").statusCode()).isEqualTo(409);
    String tip = first.get("lastMergeSourceCommit").get("commitId").asText();
    HttpResponse<String> completed =
        send(
            "PATCH",
            base + "/pullrequests/" + first.get("pullRequestId").asInt() + "?api-version=7.1",
            "{\"status\":\"completed\",\"lastMergeSourceCommit\":{\"commitId\":\"" + tip + "\"}}");
    assertThat(completed.statusCode()).isEqualTo(200);

    HttpResponse<String> next = create(base, "feature/login-page", "Next");
    assertThat(next.statusCode()).isEqualTo(201);
    assertThat(TestClient.json(next).get("pullRequestId").asInt())
        .isGreaterThan(first.get("pullRequestId").asInt());
  }

  @Test
  void completingNeedsTheSourceTipAndRecordsTheMergeStrategy() {
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow(), 0);
    String base = repoBase("/org-001", repo);
    JsonNode pr = TestClient.json(create(base, "feature/search", "Search"));
    String tip = pr.get("lastMergeSourceCommit").get("commitId").asText();
    String url = base + "/pullrequests/1?api-version=7.1";

    HttpResponse<String> stale =
        send(
            "PATCH",
            url,
            "{\"status\":\"completed\",\"lastMergeSourceCommit\":{\"commitId\":\""
                + "0".repeat(40)
                + "\"}}");
    assertThat(stale.statusCode()).isEqualTo(409);

    HttpResponse<String> completed =
        send(
            "PATCH",
            url,
            "{\"status\":\"completed\",\"lastMergeSourceCommit\":{\"commitId\":\""
                + tip
                + "\"},\"completionOptions\":{\"mergeStrategy\":\"squash\","
                + "\"deleteSourceBranch\":true}}");
    assertThat(completed.statusCode()).isEqualTo(200);
    JsonNode done = TestClient.json(completed);
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("completionOptions").get("mergeStrategy").asText()).isEqualTo("squash");
    assertThat(done.get("closedDate").asText()).isNotEmpty();
    assertThat(done.get("lastMergeCommit").get("commitId").asText()).hasSize(40);

    assertThat(send("PATCH", url, "{\"status\":\"abandoned\"}").statusCode()).isEqualTo(400);
    // deleteSourceBranch took the source branch with the completion: nothing to open a PR from.
    HttpResponse<String> again = create(base, "feature/search", "Again");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(TestClient.json(again).get("message").asText()).startsWith("TF401398:");
  }

  @Test
  void reviewersAreSimulatedPeopleFoundThroughIdentities() {
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow(), 0);
    String base = repoBase("/org-001", repo);
    create(base, "feature/search", "Search");
    SimulatedUser alex = simulator.people().all().get(1);

    JsonNode found =
        TestClient.json(
            client.get(
                "/org-001/_apis/identities?searchFilter=General&filterValue="
                    + alex.emailAddress()
                    + "&api-version=7.1"));
    assertThat(found.get("value").get(0).get("id").asText()).isEqualTo(alex.id().toString());

    HttpResponse<String> added =
        send(
            "PUT",
            base + "/pullrequests/1/reviewers/" + alex.id() + "?api-version=7.1",
            "{\"vote\":0}");
    assertThat(added.statusCode()).isEqualTo(200);
    JsonNode reviewed =
        TestClient.json(
            client.get(
                base
                    + "/pullrequests?searchCriteria.reviewerId="
                    + alex.id()
                    + "&api-version=7.1"));
    assertThat(reviewed.get("count").asInt()).isEqualTo(1);

    HttpResponse<String> stranger =
        send(
            "PUT",
            base
                + "/pullrequests/1/reviewers/"
                + "1".repeat(8)
                + "-1111-1111-1111-"
                + "1".repeat(12)
                + "?api-version=7.1",
            "{\"vote\":0}");
    assertThat(stranger.statusCode()).isEqualTo(400);
  }

  @Test
  void threadsTakeRepliesAndNumericEnumsAsTheSpecExampleSends() {
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow(), 0);
    String base = repoBase("/org-001", repo);
    create(base, "feature/search", "Search");
    String threads = base + "/pullRequests/1/threads";

    HttpResponse<String> created =
        send(
            "POST",
            threads + "?api-version=7.1",
            "{\"comments\":[{\"parentCommentId\":0,\"content\":\"This new feature looks good!\","
                + "\"commentType\":1}],\"status\":1}");
    assertThat(created.statusCode()).isEqualTo(200);
    JsonNode thread = TestClient.json(created);
    assertThat(thread.get("status").asText()).isEqualTo("active");
    assertThat(thread.get("comments").get(0).get("commentType").asText()).isEqualTo("text");
    int id = thread.get("id").asInt();

    HttpResponse<String> reply =
        send(
            "POST",
            threads + "/" + id + "/comments?api-version=7.1",
            "{\"content\":\"Thanks\",\"parentCommentId\":1,\"commentType\":1}");
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(TestClient.json(reply).get("id").asInt()).isEqualTo(2);

    JsonNode list = TestClient.json(client.get(threads + "?api-version=7.1"));
    JsonNode comments = list.get("value").get(0).get("comments");
    assertThat(comments).hasSize(2);
    assertThat(comments.get(1).get("parentCommentId").asInt()).isEqualTo(1);

    assertThat(send("POST", threads + "?api-version=7.1", "{\"comments\":[]}").statusCode())
        .isEqualTo(400);
    assertThat(
            send("POST", threads + "/999/comments?api-version=7.1", "{\"content\":\"x\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void serverCollectionServesPullRequestStatusesOnlyAsPreview() {
    Repository repo = withContent(simulator.dataset().serverCollection(), 0);
    String base = repoBase("/tfs/DefaultCollection", repo);
    assertThat(create(base, "feature/login-page", "Login").statusCode()).isEqualTo(201);
    String statuses = base + "/pullRequests/1/statuses";
    String body = "{\"state\":\"succeeded\",\"context\":{\"name\":\"ci\",\"genre\":\"sim\"}}";

    HttpResponse<String> released = send("POST", statuses + "?api-version=6.0", body);
    assertThat(released.statusCode()).isEqualTo(400);
    assertThat(TestClient.json(released).get("typeKey").asText())
        .isEqualTo("VssInvalidPreviewVersionException");

    assertThat(send("POST", statuses + "?api-version=6.0-preview.1", body).statusCode())
        .isEqualTo(200);
    JsonNode list = TestClient.json(client.get(statuses + "?api-version=6.0-preview.1"));
    assertThat(list.get("value").get(0).get("context").get("name").asText()).isEqualTo("ci");

    JsonNode locations =
        TestClient.json(
            TestClient.send(
                client
                    .request("/tfs/DefaultCollection/_apis/git")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build()));
    List<String> preview = new ArrayList<>();
    locations
        .get("value")
        .forEach(
            l -> {
              if (l.get("releasedVersion").asText().equals("0.0")) {
                preview.add(l.get("resourceName").asText());
              }
            });
    assertThat(preview).containsExactly("pullRequestStatuses");
  }

  private static List<String> titles(JsonNode list) {
    List<String> titles = new ArrayList<>();
    list.get("value").forEach(pr -> titles.add(pr.get("title").asText()));
    return titles;
  }
}
