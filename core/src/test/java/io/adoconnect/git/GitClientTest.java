package io.adoconnect.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.AccessDeniedException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.Json;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GitClient} against the simulator: results, and the requests that produced them. */
class GitClientTest {
  private static Simulator simulator;
  private static Organization org;
  private static Repository repo;
  private static final List<ApiRequest> sent = new CopyOnWriteArrayList<>();
  private static GitClient git;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().orgs(1).projects(3).repos(3).build());
    Collection collection = simulator.dataset().organizations().get(0);
    repo =
        collection.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    org = Organization.services(AzureDevOpsEndpoints.allAt(simulator.baseUri()), collection.name());
    HttpTransport standard = RetryingTransport.standard();
    HttpTransport recording =
        request -> {
          sent.add(request);
          return standard.send(request);
        };
    git =
        new GitClient(
            new AzureDevOpsHttp(
                recording, PatCredential.of(Secret.of(simulator.config().pat()), false)));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void clear() {
    sent.clear();
  }

  private static String project() {
    return repo.project().name();
  }

  private static String defaultBranchName() {
    return repo.defaultBranch().substring("refs/heads/".length());
  }

  @Test
  void listsBranchesWithFortyHexCommitIdsAndAsksForHeads() {
    List<Ref> branches = git.branches(org, project(), repo.name()).toList();

    assertThat(branches)
        .extracting(Ref::branch)
        .containsExactlyInAnyOrder(defaultBranchName(), "feature/search", "feature/login-page");
    assertThat(branches).allSatisfy(r -> assertThat(r.objectId()).matches("[0-9a-f]{40}"));
    assertThat(branches).extracting(Ref::name).allMatch(n -> n.startsWith("refs/heads/"));
    // deterministic: a second listing gives the same commits
    assertThat(git.branches(org, project(), repo.name()).toList()).isEqualTo(branches);

    ApiRequest request = sent.get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri().getPath())
        .isEqualTo(
            "/"
                + org.name()
                + "/"
                + project()
                + "/_apis/git/repositories/"
                + repo.name()
                + "/refs");
    assertThat(query(request))
        .containsEntry("filter", "heads/")
        .containsEntry("api-version", "7.1");
  }

  @Test
  void followsContinuationTokensAcrossRefPages() {
    // $top is not something the client sends, so page through the simulator directly via a
    // forced small page: ask with $top=1 and check the continuation is followed.
    AzureDevOpsHttp http =
        new AzureDevOpsHttp(
            RetryingTransport.standard(),
            PatCredential.of(Secret.of(simulator.config().pat()), false));
    List<Ref> paged =
        http.getPaged(
                io.adoconnect.http.Urls.at(org.baseUrl())
                    .segment(project())
                    .path("_apis/git/repositories")
                    .segment(repo.name())
                    .segment("refs")
                    .query("filter", "heads/")
                    .query("$top", 1)
                    .query("api-version", "7.1"),
                Ref.class)
            .toList();
    assertThat(paged).isEqualTo(git.branches(org, project(), repo.name()).toList());
    assertThat(paged).hasSize(3);
  }

  @Test
  void readsRawFileContentOnABranchWithOctetStream() {
    byte[] readme =
        git.fileContent(org, project(), repo.name(), "README.md", Optional.of("feature/search"));

    assertThat(new String(readme, StandardCharsets.UTF_8))
        .contains(repo.name())
        .contains("feature/search");
    ApiRequest request = sent.get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri().getPath())
        .endsWith("/_apis/git/repositories/" + repo.name() + "/items");
    assertThat(request.headers()).containsEntry("Accept", "application/octet-stream");
    assertThat(query(request))
        .containsEntry("path", "README.md")
        .containsEntry("versionDescriptor.version", "feature/search")
        .containsEntry("versionDescriptor.versionType", "branch")
        .containsEntry("api-version", "7.1");
  }

  @Test
  void defaultBranchWhenNoRefIsGiven() {
    byte[] readme = git.fileContent(org, project(), repo.name(), "/README.md", Optional.empty());
    assertThat(new String(readme, StandardCharsets.UTF_8)).contains(defaultBranchName());
    assertThat(query(sent.get(0))).doesNotContainKey("versionDescriptor.version");
  }

  @Test
  void missingFileIsNotFoundNamingPathAndRef() {
    assertThatThrownBy(
            () ->
                git.fileContent(
                    org, project(), repo.name(), "nope/missing.txt", Optional.of("feature/search")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("nope/missing.txt")
        .hasMessageContaining("feature/search");
    assertThatThrownBy(
            () -> git.fileContent(org, project(), repo.name(), "README.md", Optional.of("no-such")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no-such");
  }

  @Test
  void listsAFolderOneLevelOrFullOnABranch() {
    List<GitItem> root =
        git.items(org, project(), repo.name(), "/", Optional.empty(), ItemDepth.ONE_LEVEL);
    assertThat(root).extracting(GitItem::path).containsExactly("/", "/README.md", "/src");
    assertThat(root.get(2).isFolder()).isTrue();
    assertThat(root.get(2).gitObjectType()).isEqualTo("tree");
    assertThat(root.get(1).isFolder()).isFalse();
    assertThat(root).allSatisfy(i -> assertThat(i.commitId()).matches("[0-9a-f]{40}"));
    ApiRequest request = sent.get(0);
    assertThat(request.uri().getPath())
        .endsWith("/_apis/git/repositories/" + repo.name() + "/items");
    assertThat(query(request))
        .containsEntry("scopePath", "/")
        .containsEntry("recursionLevel", "OneLevel")
        .containsEntry("api-version", "7.1")
        .doesNotContainKey("versionDescriptor.version");

    sent.clear();
    List<GitItem> full =
        git.items(
            org,
            project(),
            repo.name(),
            "/",
            Optional.of("refs/heads/feature/search"),
            ItemDepth.FULL);
    assertThat(full)
        .extracting(GitItem::path)
        .containsExactly("/", "/CHANGES.md", "/README.md", "/src", "/src/hello.txt");
    assertThat(query(sent.get(0)))
        .containsEntry("recursionLevel", "Full")
        .containsEntry("versionDescriptor.version", "feature/search")
        .containsEntry("versionDescriptor.versionType", "branch");
  }

  @Test
  void listingAMissingFolderIsNotFoundNamingPathAndBranch() {
    assertThatThrownBy(
            () ->
                git.items(
                    org,
                    project(),
                    repo.name(),
                    "/nope",
                    Optional.of("feature/search"),
                    ItemDepth.ONE_LEVEL))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("feature/search");
  }

  @Test
  void postsAStatusAndListsItNewestFirst() throws Exception {
    String commit = git.branches(org, project(), repo.name()).toList().get(0).objectId();
    JsonNode fixture = fixture("commit-status-create-request.json");
    StatusInput first =
        StatusInput.of(
            fixture.path("state").asText(),
            fixture.path("context").path("name").asText(),
            fixture.path("context").path("genre").asText(),
            fixture.path("description").asText(),
            fixture.path("targetUrl").asText());

    CommitStatus created = git.createStatus(org, project(), repo.name(), commit, first);
    CommitStatus second =
        git.createStatus(
            org,
            project(),
            repo.name(),
            commit,
            StatusInput.of("pending", "lint", null, null, null));

    assertThat(created.state()).isEqualTo("succeeded");
    assertThat(created.context())
        .isEqualTo(new StatusContext("Build123", "continuous-integration"));
    assertThat(created.id()).isNotNull();
    assertThat(created.creationDate()).isNotBlank();
    ApiRequest post = sent.get(1);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.uri().getPath())
        .endsWith("/_apis/git/repositories/" + repo.name() + "/commits/" + commit + "/statuses");
    assertThat(query(post)).containsEntry("api-version", "7.1");
    assertThat(post.headers()).containsEntry("Content-Type", "application/json");
    assertThat(Json.MAPPER.readTree(post.body())).isEqualTo(fixture);

    List<CommitStatus> listed = git.statuses(org, project(), repo.name(), commit);
    assertThat(listed).extracting(CommitStatus::id).startsWith(second.id(), created.id());
    assertThat(sent.get(sent.size() - 1).method()).isEqualTo("GET");
  }

  @Test
  void readsTheDocumentedStatusShape() throws Exception {
    CommitStatus status =
        Json.MAPPER.readValue(
            GitClientTest.class.getResourceAsStream("/fixtures/commit-status.json"),
            CommitStatus.class);
    assertThat(status.state()).isEqualTo("succeeded");
    assertThat(status.context().genre()).isEqualTo("continuous-integration");
    List<Ref> refs =
        Json.MAPPER.readerForListOf(Ref.class).readValue(fixture("refs-heads.json").path("value"));
    assertThat(refs).extracting(Ref::branch).contains("master", "feature/calcApp");
  }

  @Test
  void rejectsUnknownStatesBeforeSending() {
    assertThatThrownBy(() -> StatusInput.of("done", "ci", null, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("done");
  }

  @Test
  void forbiddenStatusPostNamesTheStatusScope() {
    simulator.failNext("/" + org.name() + "/", 403, 1);
    assertThatThrownBy(
            () ->
                git.createStatus(
                    org,
                    project(),
                    repo.name(),
                    "0".repeat(40),
                    StatusInput.of("failed", "ci", null, null, null)))
        .isInstanceOf(AccessDeniedException.class)
        .satisfies(
            e ->
                assertThat(((AccessDeniedException) e).hint())
                    .contains("Code (Status)")
                    .contains("vso.code_status"));
  }

  @Test
  void aReadOnlyTokenReadsButItsRefusedStatusPostNamesTheMissingScope() {
    simulator.addScopedPat("fake-read-only-pat", java.util.Set.of("vso.code"));
    GitClient readOnly =
        new GitClient(
            new AzureDevOpsHttp(
                RetryingTransport.standard(),
                PatCredential.of(Secret.of("fake-read-only-pat"), false)));

    assertThat(readOnly.branches(org, project(), repo.name()).toList()).isNotEmpty();
    assertThatThrownBy(
            () ->
                readOnly.createStatus(
                    org,
                    project(),
                    repo.name(),
                    "0".repeat(40),
                    StatusInput.of("failed", "ci", null, null, null)))
        .isInstanceOf(AccessDeniedException.class)
        .satisfies(
            e -> {
              assertThat(((AccessDeniedException) e).status()).isEqualTo(401);
              assertThat(((AccessDeniedException) e).hint())
                  .contains("Code (Status)")
                  .contains("vso.code_status");
            });
  }

  private static JsonNode fixture(String name) throws Exception {
    try (InputStream in = GitClientTest.class.getResourceAsStream("/fixtures/" + name)) {
      return Json.MAPPER.readTree(in);
    }
  }

  private static Map<String, String> query(ApiRequest request) {
    Map<String, String> query = new java.util.LinkedHashMap<>();
    String raw = request.uri().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(
            java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }
}
