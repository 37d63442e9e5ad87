package io.adoconnect.pipelines;

import io.adoconnect.devops.ProjectScope;

/**
 * Pipelines and their runs in one resolved project. Reached through {@code
 * ado.project(ref).pipelines()}.
 */
public final class ProjectPipelines {
  private final ProjectScope scope;
  private final PipelinesClient client;

  public ProjectPipelines(ProjectScope scope) {
    this.scope = scope;
    this.client = new PipelinesClient(scope.http());
  }
}
