package io.adoconnect.connect;

import io.adoconnect.builds.ProjectBuilds;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.http.Poller;
import io.adoconnect.pipelines.ProjectPipelines;
import io.adoconnect.releases.ProjectReleases;
import io.adoconnect.store.Account;
import io.adoconnect.workitems.ProjectWorkItems;

/**
 * A project resolved once (which account, which organization or collection, which api-version),
 * with one sub-API per area:
 *
 * <pre>{@code
 * ProjectHandle project = ado.project(ProjectRef.of("fabrikam", "Fabrikam Fiber"));
 * project.builds().queue(…);
 * project.workItems().query(wiql, List.of("Title"), null);
 * }</pre>
 */
public final class ProjectHandle {
  private final ProjectRef ref;
  private final Account account;
  private final ProjectScope scope;
  private final AzureDevOpsEndpoints endpoints;
  private final Poller poller;
  private final int parallelism;

  ProjectHandle(
      ProjectRef ref,
      Account account,
      ProjectScope scope,
      AzureDevOpsEndpoints endpoints,
      Poller poller,
      int parallelism) {
    this.ref = ref;
    this.account = account;
    this.scope = scope;
    this.endpoints = endpoints;
    this.poller = poller;
    this.parallelism = parallelism;
  }

  /** How many requests an operation may have in flight at once (the settings' parallelism). */
  int parallelism() {
    return parallelism;
  }

  public ProjectRef ref() {
    return ref;
  }

  /** The account whose credential every call of this handle uses. */
  public Account account() {
    return account;
  }

  public Organization organization() {
    return scope.org();
  }

  public String project() {
    return scope.project();
  }

  /** For messages: {@code fabrikam/Fabrikam Fiber}. */
  public String path() {
    return scope.path();
  }

  ProjectScope scope() {
    return scope;
  }

  public ProjectBuilds builds() {
    return new ProjectBuilds(scope, poller);
  }

  public ProjectPipelines pipelines() {
    return new ProjectPipelines(scope, poller);
  }

  public ProjectReleases releases() {
    return new ProjectReleases(scope, endpoints, poller);
  }

  public ProjectWorkItems workItems() {
    return new ProjectWorkItems(scope);
  }
}
