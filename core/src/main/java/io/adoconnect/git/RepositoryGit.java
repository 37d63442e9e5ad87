package io.adoconnect.git;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.devops.RepositoryScope;
import io.adoconnect.http.Paged;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Git in one resolved repository: branches, file content and commit statuses. Reached through
 * {@code ado.repository(ref).git()}.
 */
public final class RepositoryGit {
  private final RepositoryScope scope;
  private final GitClient client;

  public RepositoryGit(RepositoryScope scope) {
    this.scope = scope;
    this.client = new GitClient(scope.http());
  }

  /** The branches, every page. */
  public Paged<Ref> branches() {
    return client.branches(scope.org(), scope.project(), scope.repository());
  }

  /** The raw bytes of {@code filePath}, on {@code branch} or the default branch. */
  public byte[] fileContent(String filePath, Optional<String> branch) {
    return client.fileContent(scope.org(), scope.project(), scope.repository(), filePath, branch);
  }

  /** Posts a status on {@code commitId} (a full 40-character id). */
  public CommitStatus postStatus(String commitId, StatusInput status) {
    return client.createStatus(
        scope.org(), scope.project(), scope.repository(), commitId(commitId), status);
  }

  /** The statuses on {@code commitId}, newest first. */
  public List<CommitStatus> statuses(String commitId) {
    return client.statuses(scope.org(), scope.project(), scope.repository(), commitId(commitId));
  }

  private String commitId(String commitId) {
    if (commitId == null || !commitId.matches("[0-9a-fA-F]{40}")) {
      throw new InvalidInputException(
          "That is not a full commit id.",
          NextStep.of(
              NextStep.Action.LIST_BRANCHES,
              "Give the full 40-character commit id; the branches show the commits they point at.",
              "organization",
              scope.org().name(),
              "project",
              scope.project(),
              "repository",
              scope.repository()));
    }
    return commitId.toLowerCase(Locale.ROOT);
  }
}
