package io.adoconnect.pullrequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.ConflictException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.devops.RepositoryScope;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The glue every front-end relies on, done once in {@link RepositoryPullRequests}: an open pull
 * request said to be open, the missing branch named, a source branch that moves while completing as
 * a conflict, limits, the new-thread-or-reply choice, the moves a change may make.
 */
class RepositoryPullRequestsTest {
  private Simulator simulator;
  private Collection org;
  private Repository repo;
  private final List<ApiRequest> sent = new CopyOnWriteArrayList<>();
  private final AtomicReference<Runnable> beforeCompleting = new AtomicReference<>(() -> {});
  private RepositoryPullRequests prs;

  @BeforeEach
  void start() {
    simulator = Simulator.start(SimulatorConfig.builder().orgs(1).projects(2).build());
    org = simulator.dataset().organizations().get(0);
    repo =
        org.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    HttpTransport standard = RetryingTransport.standard();
    HttpTransport recording =
        request -> {
          sent.add(request);
          if (request.method().equals("PATCH")
              && request.body() != null
              && new String(request.body(), StandardCharsets.UTF_8).contains("\"completed\"")) {
            beforeCompleting.get().run();
          }
          return standard.send(request);
        };
    AzureDevOpsHttp http =
        new AzureDevOpsHttp(
            recording, PatCredential.of(Secret.of(simulator.config().pat()), false));
    Organization organization =
        Organization.services(AzureDevOpsEndpoints.allAt(simulator.baseUri()), org.name());
    prs =
        new RepositoryPullRequests(
            new RepositoryScope(
                new ProjectScope(http, organization, repo.project().name()), repo.name()));
  }

  /** The threads that read files ({@code …/items}) in the test that records them. */
  private final java.util.Set<String> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @AfterEach
  void stop() {
    simulator.close();
  }

  private String main() {
    return repo.defaultBranch();
  }

  private String where() {
    return org.name() + "/" + repo.project().name() + "/" + repo.name();
  }

  private PullRequest open(String title) {
    return prs.create(new NewPullRequest("feature/search", main(), title)).pullRequest();
  }

  @Test
  void openingAgainReturnsTheOpenOneAndSaysSo() {
    OpenedPullRequest first = prs.create(new NewPullRequest("feature/search", main(), "One"));
    OpenedPullRequest again = prs.create(new NewPullRequest("feature/search", main(), "Two"));

    assertThat(first.alreadyOpen()).isFalse();
    assertThat(again.alreadyOpen()).isTrue();
    assertThat(again.pullRequest().pullRequestId()).isEqualTo(first.pullRequest().pullRequestId());
    assertThat(again.pullRequest().title()).isEqualTo("One");
  }

  @Test
  void aMissingSourceBranchIsNamedAndNotTheTarget() {
    assertThatThrownBy(() -> prs.create(new NewPullRequest("feature/nope", main(), "X")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The source branch refs/heads/feature/nope does not exist in " + where() + ".")
        .satisfies(
            e -> {
              NextStep step = ((InvalidInputException) e).nextStep();
              assertThat(step.action()).isEqualTo(NextStep.Action.LIST_BRANCHES);
              assertThat(step.parameter("repository")).isEqualTo(repo.name());
              assertThat(step.advice()).contains("Push the source branch");
            });
  }

  @Test
  void aMissingTargetBranchIsNamedAndNotTheSource() {
    assertThatThrownBy(() -> prs.create(new NewPullRequest("feature/search", "release/nope", "X")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The target branch refs/heads/release/nope does not exist in " + where() + ".");
  }

  @Test
  void twoMissingBranchesAreBothNamed() {
    // feature/sea is a prefix of feature/search: the lookup must match whole names.
    assertThatThrownBy(() -> prs.create(new NewPullRequest("feature/sea", "nope", "X")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Neither the source branch refs/heads/feature/sea")
        .hasMessageContaining("nor the target branch refs/heads/nope");
  }

  @Test
  void aSourceBranchThatMovesWhileCompletingIsAConflictNamingItsNewCommit() {
    PullRequest pr = open("Search");
    AtomicReference<String> pushed = new AtomicReference<>();
    beforeCompleting.set(
        () -> {
          beforeCompleting.set(() -> {});
          pushed.set(
              simulator
                  .push(org.name(), repo.project().name(), repo.name(), "feature/search")
                  .path("refUpdates")
                  .get(0)
                  .path("newObjectId")
                  .asText());
        });

    assertThatThrownBy(() -> prs.complete(pr.pullRequestId(), MergeStrategy.SQUASH, false))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Pull request " + pr.pullRequestId())
        .hasMessageContaining(pushed.get())
        .satisfies(
            e -> {
              NextStep step = ((ConflictException) e).nextStep();
              assertThat(step.action()).isEqualTo(NextStep.Action.REFRESH_AND_RETRY);
              assertThat(step.parameter("current")).isEqualTo(pushed.get());
              assertThat(((ConflictException) e).status()).isEqualTo(409);
            });
    assertThat(prs.get(pr.pullRequestId()).status()).isEqualTo("active");
    assertThat(prs.complete(pr.pullRequestId(), MergeStrategy.SQUASH, false).status())
        .isEqualTo("completed");
  }

  @Test
  void aLimitStopsReadingAndIsChecked() {
    for (int i = 0; i < 3; i++) {
      PullRequest pr = open("PR " + i);
      prs.abandon(pr.pullRequestId());
    }
    sent.clear();

    List<PullRequest> two = prs.list(PullRequestCriteria.active().withStatus("all").withTop(2));

    assertThat(two).extracting(PullRequest::title).containsExactly("PR 2", "PR 1");
    assertThat(sent).hasSize(1);
    assertThat(prs.list(PullRequestCriteria.active().withStatus("abandoned"))).hasSize(3);
    assertThatThrownBy(() -> PullRequestCriteria.active().withTop(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("between 1 and 1000");
    assertThatThrownBy(() -> PullRequestCriteria.active().withTop(1001))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aCommentStartsAThreadOrRepliesInOne() {
    int id = open("Search").pullRequestId();

    PostedComment started = prs.comment(id, "Looks good", Optional.empty());
    PostedComment reply = prs.comment(id, "Thanks", Optional.of(started.threadId()));

    assertThat(started.startedThread()).isTrue();
    assertThat(started.comment().content()).isEqualTo("Looks good");
    assertThat(reply.startedThread()).isFalse();
    assertThat(reply.threadId()).isEqualTo(started.threadId());
    assertThat(reply.comment().content()).isEqualTo("Thanks");
    assertThat(prs.threads(id).get(0).comments()).hasSize(2);
    assertThatThrownBy(() -> prs.comment(id, "Hm", Optional.of(77)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no thread 77")
        .satisfies(
            e ->
                assertThat(((NotFoundException) e).nextStep().action())
                    .isEqualTo(NextStep.Action.LIST_THREADS));
  }

  @Test
  void anUpdateChangesWhatItNamesAndMovesTheStatusLast() {
    int id = open("Search").pullRequestId();

    assertThatThrownBy(() -> prs.update(id, PullRequestUpdate.none()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Nothing to change.");
    assertThatThrownBy(() -> PullRequestUpdate.none().withStatus("merged"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'merged'");
    sent.clear();

    PullRequest done =
        prs.update(
            id,
            PullRequestUpdate.none()
                .withTitle("Search, faster")
                .withStatus("Completed")
                .withCompletion(MergeStrategy.REBASE, false));

    assertThat(done.status()).isEqualTo("completed");
    assertThat(done.title()).isEqualTo("Search, faster");
    assertThat(sent)
        .filteredOn(r -> r.method().equals("PATCH"))
        .extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
        .satisfiesExactly(
            edit -> assertThat(edit).contains("Search, faster"),
            complete -> assertThat(complete).contains("\"rebase\""));
  }

  @Test
  void aMissingPullRequestNamesWhereAndOffersTheList() {
    assertThatThrownBy(() -> prs.get(4242))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("4242")
        .hasMessageContaining(where())
        .satisfies(
            e -> {
              NextStep step = ((NotFoundException) e).nextStep();
              assertThat(step.action()).isEqualTo(NextStep.Action.LIST_PULL_REQUESTS);
              assertThat(step.parameters())
                  .containsEntry("organization", org.name())
                  .containsEntry("project", repo.project().name())
                  .containsEntry("repository", repo.name());
              assertThat(step.advice()).doesNotContain("ado-connect").doesNotContain("--");
            });
    assertThatThrownBy(() -> prs.get(0)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theDiffShowsEachChangedFileAgainstTheMergeBaseAndFollowsAPush() {
    int id = open("Search").pullRequestId();

    PullRequestDiff diff = prs.diff(id, Set.of(), DiffLimits.DEFAULT);

    assertThat(diff.iteration()).isEqualTo(1);
    assertThat(diff.files()).extracting(FileDiff::path).contains("/CHANGES.md");
    FileDiff added =
        diff.files().stream().filter(f -> f.path().equals("/CHANGES.md")).findFirst().orElseThrow();
    assertThat(added.changeType()).isEqualTo("add");
    assertThat(added.patch()).startsWith("--- /dev/null\n+++ b/CHANGES.md\n@@ -0,0 +1");
    assertThat(added.linesAdded()).isPositive();
    assertThat(added.linesRemoved()).isZero();
    assertThat(diff.unified()).contains("+++ b/CHANGES.md");
    assertThat(diff.note()).isNull();

    simulator.push(org.name(), repo.project().name(), repo.name(), "feature/search");
    PullRequestDiff after = prs.diff(id, Set.of("simulated-pushes.md"), DiffLimits.DEFAULT);

    assertThat(after.iteration()).isEqualTo(2);
    assertThat(after.headCommit()).isNotEqualTo(diff.headCommit());
    assertThat(after.baseCommit()).isEqualTo(diff.baseCommit());
    assertThat(after.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("/simulated-pushes.md");
              assertThat(f.patch()).contains("\n+");
            });
    assertThat(after.filesChanged()).isEqualTo(diff.filesChanged() + 1);
    assertThat(prs.changedFiles(id)).hasSize(after.filesChanged());
  }

  @Test
  void aDiffReadsFilesInParallelAndKeepsTheirOrder() {
    int id = open("Search").pullRequestId();
    RepositoryScope scope =
        new RepositoryScope(
            new ProjectScope(
                new AzureDevOpsHttp(
                    request -> {
                      if (request.uri().getPath().endsWith("/items")) {
                        readers.add(java.lang.Thread.currentThread().getName());
                      }
                      return RetryingTransport.standard().send(request);
                    },
                    PatCredential.of(Secret.of(simulator.config().pat()), false)),
                Organization.services(AzureDevOpsEndpoints.allAt(simulator.baseUri()), org.name()),
                repo.project().name()),
            repo.name());
    PullRequestDiff sequential =
        new RepositoryPullRequests(scope, 1).diff(id, Set.of(), DiffLimits.DEFAULT);
    assertThat(readers).isNotEmpty().allMatch(name -> !name.startsWith("ado-connect-diff-read"));
    readers.clear();

    PullRequestDiff parallel =
        new RepositoryPullRequests(scope, 4).diff(id, Set.of(), DiffLimits.DEFAULT);

    assertThat(sequential.files()).hasSizeGreaterThan(1);
    assertThat(readers).allMatch(name -> name.startsWith("ado-connect-diff-read"));
    assertThat(parallel).isEqualTo(sequential);
    assertThat(parallel.files())
        .extracting(FileDiff::path)
        .isSortedAccordingTo(java.util.Comparator.naturalOrder());
    // The line budget still ends the patches at the same file as a sequential read.
    DiffLimits fewLines = new DiffLimits(300, 1 << 20, 1);
    assertThat(new RepositoryPullRequests(scope, 4).diff(id, Set.of(), fewLines))
        .isEqualTo(new RepositoryPullRequests(scope, 1).diff(id, Set.of(), fewLines));
  }

  @Test
  void aDiffOverItsLimitsSaysWhatItLeftOut() {
    int id = open("Search").pullRequestId();
    int changed = prs.changedFiles(id).size();
    assertThat(changed).isGreaterThan(1);

    PullRequestDiff firstOnly = prs.diff(id, Set.of(), new DiffLimits(1, 1 << 20, 20_000));
    assertThat(firstOnly.files()).hasSize(1);
    assertThat(firstOnly.note())
        .isEqualTo("Showing 1 of " + changed + " changed files; ask for the others by path.");

    PullRequestDiff tiny = prs.diff(id, Set.of(), new DiffLimits(300, 1, 20_000));
    assertThat(tiny.files())
        .allSatisfy(
            f -> {
              assertThat(f.patch()).isNull();
              assertThat(f.note()).isEqualTo("Not shown: larger than 1 bytes.");
            });

    assertThatThrownBy(() -> prs.diff(424_242, Set.of(), DiffLimits.DEFAULT))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Pull request 424242 was not found");
  }
}
