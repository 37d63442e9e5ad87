package io.adoconnect.builds;

import io.adoconnect.devops.ProjectScope;

/**
 * Build definitions and builds of one resolved project. Reached through {@code
 * ado.project(ref).builds()}.
 */
public final class ProjectBuilds {
  private final ProjectScope scope;
  private final BuildsClient client;

  public ProjectBuilds(ProjectScope scope) {
    this.scope = scope;
    this.client = new BuildsClient(scope.http());
  }
}
