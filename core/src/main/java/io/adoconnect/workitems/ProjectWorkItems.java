package io.adoconnect.workitems;

import io.adoconnect.devops.ProjectScope;

/**
 * Work items of one resolved project: WIQL queries, reads, creates, updates and comments. Reached
 * through {@code ado.project(ref).workItems()}.
 */
public final class ProjectWorkItems {
  private final ProjectScope scope;
  private final WorkItemsClient client;

  public ProjectWorkItems(ProjectScope scope) {
    this.scope = scope;
    this.client = new WorkItemsClient(scope.http());
  }
}
