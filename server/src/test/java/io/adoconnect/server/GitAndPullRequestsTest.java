package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The repository routes: branches, files, folders, commit statuses and pull requests. */
class GitAndPullRequestsTest extends ServerTestBase {

  private Repository repo() {
    // A project or repository with a space, to exercise the encoded segments.
    List<Repository> all =
        simulator.dataset().organization("org-001").orElseThrow().repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .toList();
    return all.stream()
        .filter(r -> r.project().name().contains(" ") || r.name().contains(" "))
        .findFirst()
        .orElse(all.get(0));
  }

  private static String base(Repository repo) {
    return "/api/repositories/org-001/" + encode(repo.project().name()) + "/" + encode(repo.name());
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void connect(Api api) {
    Api.Response r =
        api.post("/api/connections/pat")
            .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  @Test
  void branchesFilesAndCommitStatuses() {
    serve(
        (service, api) -> {
          connect(api);
          Repository repo = repo();
          String base = base(repo);

          JsonNode branches = api.get(base + "/branches").send().json();
          assertThat(branches).hasSize(3);
          String commit = branches.get(0).path("objectId").asText();

          Api.Response file = api.get(base + "/files?path=README.md&ref=feature/search").send();
          assertThat(file.status()).isEqualTo(200);
          assertThat(file.header("Content-Type")).startsWith("application/octet-stream");
          assertThat(file.body()).contains(repo.name()).contains("feature/search");
          assertThat(api.get(base + "/files?path=nope.md").send().status()).isEqualTo(404);
          assertThat(api.get(base + "/files").send().status()).isEqualTo(400);

          JsonNode root = api.get(base + "/folder").send().json();
          assertThat(root.path("path").asText()).isEqualTo("/");
          assertThat(root.path("items"))
              .extracting(i -> i.path("path").asText())
              .contains("/README.md", "/src")
              .doesNotContain("/", "/src/hello.txt");
          JsonNode full =
              api.get(base + "/folder?path=/&ref=feature/search&recursive=true").send().json();
          assertThat(full.path("items"))
              .extracting(i -> i.path("path").asText())
              .containsExactly("/CHANGES.md", "/README.md", "/src", "/src/hello.txt");
          assertThat(full.path("depth").asText()).isEqualTo("FULL");
          assertThat(full.path("note").isNull()).isTrue();
          assertThat(api.get(base + "/folder?path=nope").send().status()).isEqualTo(404);
          assertThat(api.get(base + "/folder?recursive=yes").send().status()).isEqualTo(400);

          Api.Response posted =
              api.post(base + "/commits/" + commit + "/statuses")
                  .json(Map.of("state", "succeeded", "context", "ci"))
                  .send();
          assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
          JsonNode statuses = api.get(base + "/commits/" + commit + "/statuses").send().json();
          assertThat(statuses.get(0).path("context").path("name").asText()).isEqualTo("ci");
        });
  }

  @Test
  void pullRequestLifecycle() {
    serve(
        (service, api) -> {
          connect(api);
          Repository repo = repo();
          String prs = base(repo) + "/pullrequests";
          SimulatedUser alex = simulator.people().all().get(1);
          String main = repo.defaultBranch();

          Api.Response created =
              api.post(prs)
                  .json(
                      Map.of(
                          "source",
                          "feature/search",
                          "target",
                          main,
                          "title",
                          "Search",
                          "reviewers",
                          List.of(alex.emailAddress())))
                  .send();
          assertThat(created.status()).as(created.toString()).isEqualTo(201);
          int id = created.json().path("pullRequestId").asInt();
          assertThat(created.json().path("reviewers").get(0).path("id").asText())
              .isEqualTo(alex.id().toString());

          assertThat(api.get(prs + "?reviewer=" + alex.emailAddress()).send().json()).hasSize(1);
          assertThat(api.get(prs + "/" + id).send().json().path("title").asText())
              .isEqualTo("Search");

          JsonNode thread =
              api.post(prs + "/" + id + "/threads")
                  .json(Map.of("text", "Looks good"))
                  .send()
                  .json();
          Api.Response reply =
              api.post(prs + "/" + id + "/threads/" + thread.path("id").asInt() + "/comments")
                  .json(Map.of("text", "Thanks"))
                  .send();
          assertThat(reply.status()).isEqualTo(201);
          assertThat(api.get(prs + "/" + id + "/threads").send().json().get(0).path("comments"))
              .hasSize(2);

          api.post(prs + "/" + id + "/statuses")
              .json(Map.of("state", "pending", "context", "review-bot"))
              .send();
          assertThat(api.get(prs + "/" + id + "/statuses").send().json()).hasSize(1);

          Api.Response completed =
              api.request("PATCH", prs + "/" + id)
                  .json(Map.of("status", "completed", "mergeStrategy", "rebaseMerge"))
                  .send();
          assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
          assertThat(completed.json().path("status").asText()).isEqualTo("completed");
          assertThat(api.get(prs).send().json()).isEmpty();
          assertThat(api.get(prs + "?status=completed").send().json()).hasSize(1);

          Api.Response unknown =
              api.request("PATCH", prs + "/" + id).json(Map.of("status", "merged")).send();
          assertThat(unknown.status()).isEqualTo(400);
          Api.Response missing = api.get(prs + "/999").send();
          assertThat(missing.status()).isEqualTo(404);
          assertThat(missing.json().path("message").asText()).contains("999");
        });
  }

  @Test
  void openingAgainAnswers200WithTheOpenOneAndAMissingBranchIsNamed() {
    serve(
        (service, api) -> {
          connect(api);
          Repository repo = repo();
          String prs = base(repo) + "/pullrequests";
          Map<String, Object> body =
              Map.of(
                  "source", "feature/login-page", "target", repo.defaultBranch(), "title", "One");

          Api.Response created = api.post(prs).json(body).send();
          Api.Response again = api.post(prs).json(body).send();

          assertThat(created.status()).as(created.toString()).isEqualTo(201);
          assertThat(again.status()).as(again.toString()).isEqualTo(200);
          assertThat(again.json().path("pullRequestId").asInt())
              .isEqualTo(created.json().path("pullRequestId").asInt());
          abandon(api, prs, created.json().path("pullRequestId").asInt());

          Api.Response missing =
              api.post(prs)
                  .json(
                      Map.of(
                          "source", "feature/nope", "target", repo.defaultBranch(), "title", "X"))
                  .send();
          assertThat(missing.status()).isEqualTo(400);
          assertThat(missing.json().path("message").asText())
              .startsWith("The source branch refs/heads/feature/nope does not exist");
          assertThat(missing.json().path("action").path("type").asText())
              .isEqualTo("list_branches");
        });
  }

  @Test
  void everyPullRequestRouteTakesTheAccount() {
    serve(
        (service, api) -> {
          connect(api);
          String account = api.get("/api/accounts").send().json().get(0).path("id").asText();
          Repository repo = repo();
          String prs = base(repo) + "/pullrequests";

          Api.Response created =
              api.post(prs + "?account=" + account)
                  .json(
                      Map.of(
                          "source",
                          "feature/login-page",
                          "target",
                          repo.defaultBranch(),
                          "title",
                          "S"))
                  .send();
          assertThat(created.status()).as(created.toString()).isEqualTo(201);
          int id = created.json().path("pullRequestId").asInt();
          assertThat(api.get(prs + "/" + id + "?account=" + account).send().status())
              .isEqualTo(200);
          abandon(api, prs, id);

          Api.Response unknown = api.get(prs + "/" + id + "?account=nope").send();
          assertThat(unknown.status()).isEqualTo(404);
          assertThat(unknown.json().path("code").asText()).isEqualTo("not_found_locally");
          Api.Response missing = api.get(prs + "/999").send();
          assertThat(missing.json().path("action").path("type").asText())
              .isEqualTo("list_pull_requests");
          assertThat(missing.json().path("hint").asText()).doesNotContain("ado-connect");
        });
  }

  /** The tests share a simulator: an open pull request would make the next create answer 200. */
  @Test
  void aPullRequestsChangedFilesAndDiff() {
    serve(
        (service, api) -> {
          connect(api);
          Repository repo = repo();
          String prs = base(repo) + "/pullrequests";
          int id =
              api.post(prs)
                  .json(
                      Map.of(
                          "source", "feature/login-page",
                          "target", repo.defaultBranch(),
                          "title", "Login page"))
                  .send()
                  .json()
                  .path("pullRequestId")
                  .asInt();

          JsonNode changes = api.get(prs + "/" + id + "/changes").send().json();
          assertThat(changes.findValuesAsText("path")).contains("/CHANGES.md");

          JsonNode diff =
              api.get(prs + "/" + id + "/diff?path=/CHANGES.md&path=/no-such-file").send().json();
          assertThat(diff.path("filesChanged").asInt()).isEqualTo(changes.size());
          assertThat(diff.path("files")).hasSize(1);
          assertThat(diff.path("files").get(0).path("patch").asText())
              .startsWith("--- /dev/null\n+++ b/CHANGES.md\n");

          JsonNode one = api.get(prs + "/" + id + "/diff?maxFiles=1").send().json();
          assertThat(one.path("files")).hasSize(1);
          assertThat(one.path("note").asText()).startsWith("Showing 1 of ");
          assertThat(api.get(prs + "/" + id + "/diff?maxFiles=0").send().status()).isEqualTo(400);
          abandon(api, prs, id);
        });
  }

  private static void abandon(Api api, String prs, int id) {
    Api.Response abandoned =
        api.request("PATCH", prs + "/" + id).json(Map.of("status", "abandoned")).send();
    assertThat(abandoned.status()).as(abandoned.toString()).isEqualTo(200);
  }
}
