package io.adoconnect.pullrequests;

import io.adoconnect.devops.RepositoryScope;

/**
 * Pull requests of one resolved repository, with their threads, reviewers and statuses. Reached
 * through {@code ado.repository(ref).pullRequests()}.
 */
public final class RepositoryPullRequests {
  private final RepositoryScope scope;
  private final PullRequestsClient client;

  public RepositoryPullRequests(RepositoryScope scope) {
    this.scope = scope;
    this.client = new PullRequestsClient(scope.http());
  }
}
