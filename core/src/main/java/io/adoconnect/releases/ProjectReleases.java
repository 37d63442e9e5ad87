package io.adoconnect.releases;

import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.ProjectScope;

/**
 * Classic release definitions and releases of one resolved project (on the release host). Reached
 * through {@code ado.project(ref).releases()}.
 */
public final class ProjectReleases {
  private final ProjectScope scope;
  private final ReleasesClient client;

  public ProjectReleases(ProjectScope scope, AzureDevOpsEndpoints endpoints) {
    this.scope = scope;
    this.client = new ReleasesClient(scope.http(), endpoints);
  }
}
