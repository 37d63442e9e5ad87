package io.adoconnect.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.devops.RepositoryScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Folder listings through the repository handle's Git: what a front-end shows. */
class RepositoryGitTest {
  private static Simulator simulator;
  private static RepositoryGit git;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().orgs(1).projects(1).repos(2).build());
    Collection collection = simulator.dataset().organizations().get(0);
    Repository repo =
        collection.repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    AzureDevOpsHttp http =
        new AzureDevOpsHttp(
            RetryingTransport.standard(),
            PatCredential.of(Secret.of(simulator.config().pat()), false));
    Organization org =
        Organization.services(AzureDevOpsEndpoints.allAt(simulator.baseUri()), collection.name());
    git =
        new RepositoryGit(
            new RepositoryScope(new ProjectScope(http, org, repo.project().name()), repo.name()));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void aFolderListsWhatIsInItButNotItself() {
    FolderListing root = git.list("", Optional.empty(), ItemDepth.ONE_LEVEL);
    assertThat(root.path()).isEqualTo("/");
    assertThat(root.items()).extracting(GitItem::path).containsExactly("/README.md", "/src");
    assertThat(root.note()).isNull();

    // a trailing slash and a missing leading one name the same folder
    assertThat(git.list("src/", Optional.empty(), ItemDepth.ONE_LEVEL).items())
        .extracting(GitItem::path)
        .containsExactly("/src/hello.txt");
  }

  @Test
  void fullDepthOnABranchListsEverythingBeneath() {
    FolderListing full = git.list("/", Optional.of("feature/search"), ItemDepth.FULL);
    assertThat(full.items())
        .extracting(GitItem::path)
        .containsExactly("/CHANGES.md", "/README.md", "/src", "/src/hello.txt");
    assertThat(full.branch()).isEqualTo("feature/search");
    assertThat(full.depth()).isEqualTo(ItemDepth.FULL);
  }

  @Test
  void aFileListsAsItself() {
    assertThat(git.list("/README.md", Optional.empty(), ItemDepth.ONE_LEVEL).items())
        .extracting(GitItem::path, GitItem::isFolder)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/README.md", false));
  }

  @Test
  void aListingOverTheBoundKeepsTheFirstItemsAndSaysSo() {
    FolderListing bounded = git.list("/", Optional.of("feature/search"), ItemDepth.FULL, 2);
    assertThat(bounded.items())
        .extracting(GitItem::path)
        .containsExactly("/CHANGES.md", "/README.md");
    assertThat(bounded.truncated()).isTrue();
    assertThat(bounded.note()).contains("first 2 of 4");
  }
}
