package io.adoconnect.server.workitems;

import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.PathParams;
import io.adoconnect.server.RepositoryPath;
import io.adoconnect.server.RequestCore;
import io.adoconnect.workitems.FieldValue;
import io.adoconnect.workitems.OrganizationWorkItems;
import io.adoconnect.workitems.ProjectWorkItems;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Work items. Queries, creation and comments are project-level (WIQL's {@code @project}, the type
 * and the comments API live in a project); reading and updating one item by id is
 * organization-level, as in Azure DevOps, where ids are unique per organization:
 *
 * <ul>
 *   <li>{@code POST /api/projects/{organization}/{project}/workitems/query} {@code {wiql, fields?,
 *       top?}} — items in WIQL's order;
 *   <li>{@code POST /api/projects/{organization}/{project}/workitems} {@code {type, title,
 *       fields?}};
 *   <li>{@code GET|POST /api/projects/{organization}/{project}/workitems/{id}/comments} ({@code
 *       {text}});
 *   <li>{@code GET /api/organizations/{organization}/workitems/{id}?fields=a,b};
 *   <li>{@code PATCH /api/organizations/{organization}/workitems/{id}} {@code {fields,
 *       expectedRev?}} — 409 {@code conflict} when {@code expectedRev} is no longer current, with
 *       the current revision in the {@code refresh_and_retry} action.
 * </ul>
 *
 * Fields are reference names ({@code System.Title}) or shorthands ({@code Title}, {@code
 * Priority}); an empty value clears a field. Every route takes {@code ?account=} to pick the
 * account when more than one reaches the organization.
 */
public final class WorkItemsController {
  private static final String PROJECT = RepositoryPath.PROJECT_PREFIX + "/workitems";
  private static final String ORGANIZATION = "/api/organizations/{organization}/workitems/{id}";

  private final RequestCore ado;

  public WorkItemsController(RequestCore ado) {
    this.ado = ado;
  }

  /** The body of a query. */
  public record QueryBody(String wiql, List<String> fields, Integer top) {}

  /** The body of a creation. */
  public record NewWorkItem(String type, String title, Map<String, String> fields) {}

  /** The body of an update. */
  public record WorkItemChange(Map<String, String> fields, Integer expectedRev) {}

  /** The body of a comment. */
  public record NewComment(String text) {}

  public void routes(RoutesConfig routes) {
    routes.post(PROJECT + "/query", this::query);
    routes.post(PROJECT, this::create);
    routes.get(
        PROJECT + "/{id}/comments",
        ctx -> ctx.json(project(ctx).comments(PathParams.id(ctx, "id"))));
    routes.post(PROJECT + "/{id}/comments", this::addComment);
    routes.get(
        ORGANIZATION,
        ctx ->
            ctx.json(
                organization(ctx)
                    .get(PathParams.id(ctx, "id"), FieldValue.names(ctx.queryParam("fields")))));
    routes.patch(ORGANIZATION, this::update);
  }

  private ProjectWorkItems project(Context ctx) {
    return ado.of(ctx).project(RepositoryPath.project(ctx)).workItems();
  }

  private OrganizationWorkItems organization(Context ctx) {
    return ado.of(ctx).organization(RepositoryPath.organization(ctx)).workItems();
  }

  private void query(Context ctx) {
    QueryBody body = JsonBodies.read(ctx, QueryBody.class);
    String wiql = JsonBodies.required(body.wiql(), "wiql");
    ctx.json(project(ctx).query(wiql, body.fields(), body.top()));
  }

  private void create(Context ctx) {
    NewWorkItem body = JsonBodies.read(ctx, NewWorkItem.class);
    String type = JsonBodies.required(body.type(), "type");
    String title = JsonBodies.required(body.title(), "title");
    ctx.status(201).json(project(ctx).create(type, title, FieldValue.of(body.fields())));
  }

  private void addComment(Context ctx) {
    NewComment body = JsonBodies.read(ctx, NewComment.class);
    String text = JsonBodies.required(body.text(), "text");
    ctx.status(201).json(project(ctx).comment(PathParams.id(ctx, "id"), text));
  }

  private void update(Context ctx) {
    WorkItemChange body = JsonBodies.read(ctx, WorkItemChange.class);
    int id = PathParams.id(ctx, "id");
    ctx.json(
        organization(ctx)
            .update(id, FieldValue.of(body.fields()), Optional.ofNullable(body.expectedRev())));
  }
}
