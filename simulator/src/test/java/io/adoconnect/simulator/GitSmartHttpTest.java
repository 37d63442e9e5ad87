package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.PathCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code git} binary against the simulator's smart HTTP: clone, push, and the REST areas
 * reading what was pushed, on Services and the Server collection (with and without {@code /tfs}),
 * behind the REST API's authentication.
 */
class GitSmartHttpTest {
  private static Simulator simulator;
  private static TestClient client;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.defaults());
    client = new TestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static Repository withContent(Collection collection, int index) {
    return collection.repositories().stream()
        .filter(Repository::cloneable)
        .filter(r -> r.defaultBranch() != null)
        .skip(index)
        .findFirst()
        .orElseThrow();
  }

  private static String cloneUrl(String collectionPath, Repository repo) {
    return simulator.baseUri()
        + collectionPath
        + "/"
        + PathCodec.encodeSegment(repo.project().name())
        + "/_git/"
        + PathCodec.encodeSegment(repo.name());
  }

  private static String apiBase(String collectionPath, Repository repo) {
    return collectionPath
        + "/"
        + PathCodec.encodeSegment(repo.project().name())
        + "/_apis/git/repositories/"
        + PathCodec.encodeSegment(repo.name());
  }

  private GitCli git() {
    return new GitCli(dir);
  }

  /** Git's own way of sending a credential without a helper: one extra header per command. */
  private static String[] withAuth(String authorization, String... args) {
    List<String> all =
        new ArrayList<>(List.of("-c", "http.extraHeader=Authorization: " + authorization));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  private static String pat() {
    return TestClient.basic(simulator.config().pat());
  }

  @Test
  void cloneThenPushAndTheRestApiReadsThePushedCommit() throws IOException {
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    Repository repo = withContent(org, 0);
    Path work = dir.resolve("work");
    git()
        .run(dir, withAuth(pat(), "clone", "-q", cloneUrl("/org-001", repo), work.toString()))
        .ok();
    assertThat(Files.readString(work.resolve("README.md"))).contains("on branch main");
    assertThat(git().run(work, "branch", "-r").ok().out())
        .contains("origin/feature/search")
        .contains("origin/feature/login-page");

    Files.writeString(work.resolve("src/new.txt"), "pushed by git\n");
    git().run(work, "add", ".").ok();
    git().run(work, "commit", "-q", "-m", "Add new.txt").ok();
    String head = git().run(work, "rev-parse", "HEAD").ok().out().strip();
    git().run(work, withAuth(pat(), "push", "-q", "origin", "main")).ok();

    String base = apiBase("/org-001", repo);
    JsonNode refs = TestClient.json(client.get(base + "/refs?filter=heads/main&api-version=7.1"));
    assertThat(refs.get("value").get(0).get("objectId").asText()).isEqualTo(head);
    HttpResponse<String> file =
        client.send(
            client
                .request(base + "/items?path=/src/new.txt&api-version=7.1")
                .setHeader("Accept", "application/octet-stream")
                .GET()
                .build());
    assertThat(file.body()).isEqualTo("pushed by git\n");
    JsonNode pushes = TestClient.json(client.get(base + "/pushes?api-version=7.1"));
    JsonNode push = pushes.get("value").get(0);
    assertThat(push.get("refUpdates").get(0).get("newObjectId").asText()).isEqualTo(head);
    assertThat(push.get("commits").get(0).get("comment").asText()).isEqualTo("Add new.txt");
    assertThat(
            client
                .get(base + "/pushes/" + push.get("pushId").asInt() + "?api-version=7.1")
                .statusCode())
        .isEqualTo(200);
    // A commit status can be posted on the pushed commit, and only on real commits.
    assertThat(
            client
                .send(
                    client
                        .request(base + "/commits/" + head + "/statuses?api-version=7.1")
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"state\":\"succeeded\",\"context\":{\"name\":\"ci\"}}"))
                        .build())
                .statusCode())
        .isEqualTo(201);
    assertThat(client.get(base + "/commits/" + "1".repeat(40) + "/statuses").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theServerCollectionServesGitWithAndWithoutTfs() {
    Collection server = simulator.dataset().serverCollection();
    Repository repo = withContent(server, 0);
    String withTfs =
        git()
            .run(dir, withAuth(pat(), "ls-remote", cloneUrl("/tfs/" + server.name(), repo)))
            .ok()
            .out();
    String withoutTfs =
        git()
            .run(dir, withAuth(pat(), "ls-remote", cloneUrl("/" + server.name(), repo)))
            .ok()
            .out();
    assertThat(withTfs).contains("refs/heads/main").contains("HEAD").isEqualTo(withoutTfs);
  }

  @Test
  void withoutACredentialGitGetsTheChallengeAndNoPrompt() {
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow(), 0);
    String url = cloneUrl("/org-001", repo);
    HttpResponse<String> challenge =
        TestClient.send(
            HttpRequest.newBuilder(URI.create(url + "/info/refs?service=git-upload-pack"))
                .GET()
                .build());
    assertThat(challenge.statusCode()).isEqualTo(401);
    assertThat(challenge.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("Bearer authorization_uri=")
        .contains("Basic realm=");

    GitCli.Result refused = git().run(dir, "ls-remote", url);
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("could not read Username");
    GitCli.Result wrong = git().run(dir, withAuth(TestClient.basic("not-a-pat"), "ls-remote", url));
    assertThat(wrong.exitCode()).isNotZero();
  }

  @Test
  void anEntraAccessTokenWorksAsTheBasicPasswordOnServicesNotOnServer() {
    String token =
        new EntraClient(simulator).signIn("organizations", null).get("access_token").asText();
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(("any:" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow(), 0);
    assertThat(git().run(dir, withAuth(basic, "ls-remote", cloneUrl("/org-001", repo))).ok().out())
        .contains("refs/heads/main");
    assertThat(
            git()
                .run(dir, withAuth("Bearer " + token, "ls-remote", cloneUrl("/org-001", repo)))
                .ok()
                .out())
        .contains("refs/heads/main");
    Collection server = simulator.dataset().serverCollection();
    assertThat(
            git()
                .run(
                    dir,
                    withAuth(
                        basic,
                        "ls-remote",
                        cloneUrl("/tfs/" + server.name(), withContent(server, 0))))
                .exitCode())
        .isNotZero();
  }

  @Test
  void itemsListAFolderWithScopePathAndRecursionLevel() {
    Repository repo = withContent(simulator.dataset().organization("org-002").orElseThrow(), 0);
    String base = apiBase("/org-002", repo);
    JsonNode oneLevel =
        TestClient.json(
            client.get(base + "/items?scopePath=/&recursionLevel=OneLevel&api-version=7.1"));
    assertThat(paths(oneLevel)).containsExactly("/", "/README.md", "/src");
    assertThat(oneLevel.get("value").get(2).get("isFolder").asBoolean()).isTrue();
    assertThat(oneLevel.get("value").get(2).get("gitObjectType").asText()).isEqualTo("tree");
    JsonNode full =
        TestClient.json(
            client.get(
                base
                    + "/items?scopePath=/&recursionLevel=Full&versionDescriptor.version=feature/search"
                    + "&api-version=7.1"));
    assertThat(paths(full))
        .containsExactly("/", "/CHANGES.md", "/README.md", "/src", "/src/hello.txt");
    JsonNode src =
        TestClient.json(client.get(base + "/items?scopePath=/src&recursionLevel=OneLevel"));
    assertThat(paths(src)).containsExactly("/src", "/src/hello.txt");
    JsonNode withContent =
        TestClient.json(
            client.get(base + "/items?path=/src/hello.txt&includeContent=true&api-version=7.1"));
    assertThat(withContent.get("content").asText()).isEqualTo("Hello from " + repo.name() + "\n");
    assertThat(client.get(base + "/items?scopePath=/nope&recursionLevel=Full").statusCode())
        .isEqualTo(404);
    assertThat(client.get(base + "/items?scopePath=/&recursionLevel=sideways").statusCode())
        .isEqualTo(400);
  }

  @Test
  void completingAPullRequestWritesARealMergeCommit() throws IOException {
    Repository repo = withContent(simulator.dataset().organization("org-002").orElseThrow(), 1);
    String base = apiBase("/org-002", repo);
    JsonNode pr =
        TestClient.json(
            client.send(
                client
                    .request(base + "/pullrequests?api-version=7.1")
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"sourceRefName\":\"refs/heads/feature/search\",\"targetRefName\":\""
                                + repo.defaultBranch()
                                + "\",\"title\":\"Search\"}"))
                    .build()));
    assertThat(pr.has("lastMergeSourceCommit")).as(pr.toString()).isTrue();
    String source = pr.get("lastMergeSourceCommit").get("commitId").asText();
    String target = pr.get("lastMergeTargetCommit").get("commitId").asText();
    JsonNode completed =
        TestClient.json(
            client.send(
                client
                    .request(
                        base
                            + "/pullrequests/"
                            + pr.get("pullRequestId").asInt()
                            + "?api-version=7.1")
                    .header("Content-Type", "application/json")
                    .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(
                            "{\"status\":\"completed\",\"lastMergeSourceCommit\":{\"commitId\":\""
                                + source
                                + "\"}}"))
                    .build()));
    String merge = completed.get("lastMergeCommit").get("commitId").asText();

    org.eclipse.jgit.lib.Repository git =
        simulator.git("org-002", repo.project().name(), repo.name());
    try (RevWalk walk = new RevWalk(git)) {
      RevCommit commit = walk.parseCommit(ObjectId.fromString(merge));
      assertThat(commit.getParents()).extracting(ObjectId::name).containsExactly(target, source);
      assertThat(commit.getFullMessage())
          .startsWith("Merged PR " + pr.get("pullRequestId").asInt());
      assertThat(git.exactRef(repo.defaultBranch()).getObjectId().name()).isEqualTo(merge);
    }
    JsonNode changes =
        TestClient.json(
            client.get(base + "/items?path=/CHANGES.md&includeContent=true&api-version=7.1"));
    assertThat(changes.get("content").asText()).contains("feature/search");
    assertThat(changes.get("commitId").asText()).isEqualTo(merge);
  }

  @Test
  void repositoriesAreCreatedOnlyWhenTouched() {
    try (Simulator big =
        Simulator.start(SimulatorConfig.builder().orgs(5).projects(40).repos(50).build())) {
      assertThat(big.gitRepositoriesCreated()).isZero();
      Repository repo = withContent(big.dataset().organization("org-001").orElseThrow(), 3);
      big.git("org-001", repo.project().name(), repo.name());
      assertThat(big.gitRepositoriesCreated()).isEqualTo(1);
    }
  }

  private static List<String> paths(JsonNode listing) {
    List<String> paths = new ArrayList<>();
    listing.get("value").forEach(item -> paths.add(item.get("path").asText()));
    assertThat(listing.get("count").asInt()).isEqualTo(paths.size());
    return paths;
  }
}
