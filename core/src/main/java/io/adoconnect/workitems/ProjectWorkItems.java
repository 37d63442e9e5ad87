package io.adoconnect.workitems;

import io.adoconnect.InvalidInputException;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.http.AccessScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Work items of one resolved project: WIQL queries, reads, creates, updates and comments, with
 * fields named as users write them ({@code Title}, {@code Priority} or reference names). Reading
 * and updating by id go to the organization ({@link OrganizationWorkItems}), where ids are unique.
 * Reached through {@code ado.project(ref).workItems()}.
 *
 * <pre>{@code
 * ProjectWorkItems items = ado.project(ref).workItems();
 * WorkItem bug = items.create("Bug", "Crash on save", FieldValue.parseAll(List.of("Priority=1")));
 * List<WorkItem> active = items.query("SELECT [System.Id] FROM WorkItems WHERE …",
 *     List.of("Title", "State"), 50);
 * }</pre>
 */
public final class ProjectWorkItems {
  private final ProjectScope scope;
  private final WorkItemsClient client;
  private final OrganizationWorkItems byId;

  public ProjectWorkItems(ProjectScope scope) {
    this.scope = scope;
    this.client = new WorkItemsClient(scope.http());
    this.byId = new OrganizationWorkItems(client, scope.org());
  }

  /**
   * Runs a WIQL query ({@code @project} is this project) and reads the matching work items in its
   * order, with {@code fields} (none or null: the query's columns), at most {@code top} (null:
   * every match).
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/wit/wiql?$top=…, then POST
   * {org}/{project}/_apis/wit/workitemsbatch
   */
  public List<WorkItem> query(String wiql, List<String> fields, Integer top) {
    scope.http().require(AccessScope.WORK_READ);
    return client.query(
        scope.org(), scope.project(), wiql, FieldValue.names(fields), Optional.ofNullable(top));
  }

  /**
   * One work item, with {@code fields} (none or null: all).
   *
   * <p>Azure DevOps: GET {org}/_apis/wit/workitems/{id}?fields=…
   */
  public WorkItem get(int id, List<String> fields) {
    scope.http().require(AccessScope.WORK_READ);
    return byId.get(id, fields);
  }

  /**
   * Creates a work item of {@code type} (e.g. {@code Bug}, {@code User Story}) titled {@code
   * title}, with more {@code fields} (may be null).
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/wit/workitems/${type}, JSON Patch
   */
  public WorkItem create(String type, String title, List<FieldValue> fields) {
    scope.http().require(AccessScope.WORK_WRITE);
    if (title == null || title.isBlank()) {
      throw new InvalidInputException("The title is empty.", "Give the work item a title.");
    }
    List<FieldValue> all = new ArrayList<>(List.of(new FieldValue("System.Title", title)));
    if (fields != null) {
      all.addAll(fields);
    }
    return client.create(scope.org(), scope.project(), type, all);
  }

  /**
   * Sets fields on a work item, optionally only while it is at {@code expectedRev}; see {@link
   * OrganizationWorkItems#update}.
   *
   * <p>Azure DevOps: PATCH {org}/_apis/wit/workitems/{id}, JSON Patch
   */
  public WorkItem update(int id, List<FieldValue> fields, Optional<Integer> expectedRev) {
    scope.http().require(AccessScope.WORK_WRITE);
    return byId.update(id, fields, expectedRev);
  }

  /**
   * Adds a comment.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/wit/workItems/{id}/comments
   */
  public Comment comment(int id, String text) {
    scope.http().require(AccessScope.WORK_WRITE);
    return client.addComment(scope.org(), scope.project(), id, text);
  }

  /**
   * The comments on a work item, newest first.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/wit/workItems/{id}/comments
   */
  public List<Comment> comments(int id) {
    scope.http().require(AccessScope.WORK_READ);
    return client.comments(scope.org(), scope.project(), id);
  }
}
