package io.adoconnect.connect;

import io.adoconnect.devops.RepositoryScope;
import io.adoconnect.git.RepositoryGit;
import io.adoconnect.pullrequests.RepositoryPullRequests;
import io.adoconnect.store.Account;

/**
 * A Git repository resolved once, with one sub-API per area:
 *
 * <pre>{@code
 * RepositoryHandle repo = ado.repository(RepositoryRef.of("fabrikam", "Fabrikam Fiber", "web-app"));
 * repo.git().branches().toList();
 * repo.pullRequests().create(new NewPullRequest("feature/x", "main", "Add x"));
 * }</pre>
 */
public final class RepositoryHandle {
  private final RepositoryRef ref;
  private final ProjectHandle project;
  private final RepositoryScope scope;

  RepositoryHandle(RepositoryRef ref, ProjectHandle project) {
    this.ref = ref;
    this.project = project;
    this.scope = new RepositoryScope(project.scope(), ref.repository());
  }

  public RepositoryRef ref() {
    return ref;
  }

  public Account account() {
    return project.account();
  }

  /** The project the repository is in, with its own areas (builds, work items, …). */
  public ProjectHandle project() {
    return project;
  }

  /** For messages: {@code fabrikam/Fabrikam Fiber/web-app}. */
  public String path() {
    return scope.path();
  }

  RepositoryScope scope() {
    return scope;
  }

  /** Branches, file content and commit statuses. */
  public RepositoryGit git() {
    return new RepositoryGit(scope);
  }

  public RepositoryPullRequests pullRequests() {
    return new RepositoryPullRequests(scope, project.parallelism());
  }
}
