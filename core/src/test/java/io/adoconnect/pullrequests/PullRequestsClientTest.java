package io.adoconnect.pullrequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PullRequestsClient} against the simulator: results, and the requests that made them. */
class PullRequestsClientTest {
  private Simulator simulator;
  private Organization org;
  private Repository repo;
  private final List<ApiRequest> sent = new CopyOnWriteArrayList<>();
  private PullRequestsClient prs;

  @BeforeEach
  void start() {
    simulator = Simulator.start(SimulatorConfig.builder().orgs(1).projects(3).repos(3).build());
    Collection collection = simulator.dataset().organizations().get(0);
    repo = withContent(collection);
    org = Organization.services(AzureDevOpsEndpoints.allAt(simulator.baseUri()), collection.name());
    prs = client();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private PullRequestsClient client() {
    HttpTransport standard = RetryingTransport.standard();
    HttpTransport recording =
        request -> {
          sent.add(request);
          return standard.send(request);
        };
    return new PullRequestsClient(
        new AzureDevOpsHttp(
            recording, PatCredential.of(Secret.of(simulator.config().pat()), false)));
  }

  private static Repository withContent(Collection collection) {
    return collection.repositories().stream()
        .filter(Repository::cloneable)
        .filter(r -> r.defaultBranch() != null)
        .findFirst()
        .orElseThrow();
  }

  private String project() {
    return repo.project().name();
  }

  private String main() {
    return repo.defaultBranch();
  }

  @Test
  void createTwiceReturnsTheSamePullRequestSayingItWasOpenAndResolvesReviewersByEmail() {
    SimulatedUser alex = simulator.people().all().get(1);
    NewPullRequest input =
        new NewPullRequest("feature/search", main(), "Search")
            .withDescription("Adds search")
            .withReviewers(List.of(alex.emailAddress()));

    OpenedPullRequest opened = prs.create(org, project(), repo.name(), input);
    OpenedPullRequest again = prs.create(org, project(), repo.name(), input);
    PullRequest first = opened.pullRequest();

    assertThat(opened.alreadyOpen()).isFalse();
    assertThat(again.alreadyOpen()).isTrue();
    assertThat(again.pullRequest().pullRequestId()).isEqualTo(first.pullRequestId());
    assertThat(first.sourceRefName()).isEqualTo("refs/heads/feature/search");
    assertThat(first.reviewers())
        .extracting(PullRequest.Reviewer::id)
        .containsExactly(alex.id().toString());
    assertThat(first.createdBy().id()).isEqualTo(simulator.dataset().user().id().toString());
    assertThat(sent)
        .extracting(r -> r.method() + " " + r.scope())
        .contains("POST " + "Code (Read & write) (vso.code_write)");
  }

  @Test
  void unknownReviewerIsRefusedBeforeAnythingIsCreated() {
    NewPullRequest input =
        new NewPullRequest("feature/search", main(), "Search")
            .withReviewers(List.of("nobody@example.com"));

    assertThatThrownBy(() -> prs.create(org, project(), repo.name(), input))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nobody@example.com")
        .satisfies(e -> assertThat(((InvalidInputException) e).hint()).contains("email"));
    assertThat(sent).noneMatch(r -> r.method().equals("POST"));
  }

  @Test
  void unknownBranchIsInvalidInputNamingTheRepository() {
    assertThatThrownBy(
            () -> prs.create(org, project(), repo.name(), new NewPullRequest("nope", main(), "X")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("refs/heads/nope")
        .hasMessageContaining(repo.name());
  }

  @Test
  void listPagesWithTopAndSkipAndFiltersByStatus() {
    // 101 pull requests: more than one page of 100.
    IntStream.range(0, 101)
        .forEach(
            i -> {
              PullRequest pr =
                  prs.create(
                          org,
                          project(),
                          repo.name(),
                          new NewPullRequest("feature/search", main(), "PR " + i))
                      .pullRequest();
              if (i < 100) {
                prs.abandon(org, project(), repo.name(), pr.pullRequestId());
              }
            });
    sent.clear();

    List<PullRequest> all =
        prs.list(org, project(), repo.name(), PullRequestCriteria.active().withStatus("all"))
            .toList();
    List<PullRequest> active =
        prs.list(org, project(), repo.name(), PullRequestCriteria.active()).toList();

    assertThat(all).hasSize(101);
    assertThat(all.get(0).title()).isEqualTo("PR 100");
    assertThat(active).extracting(PullRequest::title).containsExactly("PR 100");
    List<URI> pages = sent.stream().map(ApiRequest::uri).toList();
    assertThat(pages.get(0).getRawQuery()).contains("$top=100").contains("$skip=0");
    assertThat(pages.get(1).getRawQuery()).contains("$skip=100");
  }

  @Test
  void completeSendsTheSourceTipAndTheMergeStrategy() {
    PullRequest pr =
        prs.create(
                org,
                project(),
                repo.name(),
                new NewPullRequest("refs/heads/feature/search", main(), "Search"))
            .pullRequest();

    PullRequest done =
        prs.complete(org, project(), repo.name(), pr.pullRequestId(), MergeStrategy.SQUASH, true);

    assertThat(done.status()).isEqualTo("completed");
    assertThat(done.lastMergeCommit().commitId()).hasSize(40);
    assertThatThrownBy(
            () ->
                prs.complete(
                    org, project(), repo.name(), pr.pullRequestId(), MergeStrategy.SQUASH, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("completed");
  }

  @Test
  void threadsRepliesAndStatuses() {
    int id =
        prs.create(org, project(), repo.name(), new NewPullRequest("feature/search", main(), "S"))
            .pullRequest()
            .pullRequestId();

    Thread thread = prs.createThread(org, project(), repo.name(), id, "Looks good");
    Comment reply = prs.reply(org, project(), repo.name(), id, thread.id(), "Thanks");
    prs.postStatus(
        org,
        project(),
        repo.name(),
        id,
        PullRequestStatusInput.of("succeeded", "ci", "sim", "ok", null));

    List<Thread> threads = prs.threads(org, project(), repo.name(), id);
    assertThat(threads).hasSize(1);
    assertThat(threads.get(0).comments())
        .extracting(Comment::content)
        .containsExactly("Looks good", "Thanks");
    assertThat(reply.parentCommentId()).isEqualTo(1);
    assertThat(prs.statuses(org, project(), repo.name(), id))
        .extracting(s -> s.context().name())
        .containsExactly("ci");
    assertThat(sent)
        .filteredOn(r -> r.uri().getPath().endsWith("/statuses"))
        .allMatch(r -> r.scope().id().equals("vso.code_status"));
  }

  @Test
  void serverCollectionGetsPullRequestStatusesAsPreview() {
    Collection server = simulator.dataset().serverCollection();
    Repository serverRepo = withContent(server);
    Organization tfs =
        Organization.server(
            URI.create(simulator.baseUri() + "/tfs"), server.name(), ApiVersion.parse("6.0"));
    int id =
        prs.create(
                tfs,
                serverRepo.project().name(),
                serverRepo.name(),
                new NewPullRequest("feature/search", serverRepo.defaultBranch(), "S"))
            .pullRequest()
            .pullRequestId();

    prs.postStatus(
        tfs,
        serverRepo.project().name(),
        serverRepo.name(),
        id,
        PullRequestStatusInput.of("pending", "ci", null, null, null));

    assertThat(prs.statuses(tfs, serverRepo.project().name(), serverRepo.name(), id)).hasSize(1);
    assertThat(sent)
        .filteredOn(r -> r.uri().getPath().endsWith("/statuses"))
        .allMatch(r -> r.uri().getRawQuery().contains("api-version=6.0-preview.1"));
  }

  @Test
  void missingPullRequestNamesWhereItWasLookedFor() {
    assertThatThrownBy(() -> prs.get(org, project(), repo.name(), 4242))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("4242")
        .hasMessageContaining(org.name() + "/" + project() + "/" + repo.name());
  }
}
