package io.adoconnect.server.workitems;

import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.NotFoundException;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.Target;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.PathParams;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.workitems.FieldValue;
import io.adoconnect.workitems.WorkItemsClient;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
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
 *       expectedRev?}} — 409 when {@code expectedRev} is no longer current.
 * </ul>
 *
 * Fields are reference names ({@code System.Title}) or shorthands ({@code Title}, {@code
 * Priority}); an empty value clears a field.
 */
public final class WorkItemsController {
  private static final String PROJECT = "/api/projects/{organization}/{project}/workitems";
  private static final String ORGANIZATION = "/api/organizations/{organization}/workitems/{id}";

  private final AdoConnect ado;

  public WorkItemsController(AdoConnect ado) {
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
    routes.get(PROJECT + "/{id}/comments", this::comments);
    routes.post(PROJECT + "/{id}/comments", this::addComment);
    routes.get(ORGANIZATION, this::get);
    routes.patch(ORGANIZATION, this::update);
  }

  private Target project(Context ctx) {
    return ado.project(
        PathParams.name(ctx, "organization") + "/" + PathParams.name(ctx, "project"));
  }

  private void query(Context ctx) {
    QueryBody body = JsonBodies.read(ctx, QueryBody.class);
    String wiql = JsonBodies.required(body.wiql(), "wiql");
    if (body.top() != null && body.top() <= 0) {
      throw ApiException.badRequest("invalid_input", "'top' must be at least 1.", null);
    }
    List<String> fields =
        body.fields() == null
            ? List.of()
            : body.fields().stream().map(FieldValue::referenceName).toList();
    Target t = project(ctx);
    ctx.json(
        new WorkItemsClient(t.http())
            .query(t.org(), t.project(), wiql, fields, Optional.ofNullable(body.top())));
  }

  private void create(Context ctx) {
    NewWorkItem body = JsonBodies.read(ctx, NewWorkItem.class);
    String type = JsonBodies.required(body.type(), "type");
    List<FieldValue> fields = new ArrayList<>();
    fields.add(new FieldValue("System.Title", JsonBodies.required(body.title(), "title")));
    fields.addAll(fieldValues(body.fields()));
    Target t = project(ctx);
    ctx.status(201).json(new WorkItemsClient(t.http()).create(t.org(), t.project(), type, fields));
  }

  private void comments(Context ctx) {
    int id = PathParams.id(ctx, "id");
    Target t = project(ctx);
    ctx.json(new WorkItemsClient(t.http()).comments(t.org(), t.project(), id));
  }

  private void addComment(Context ctx) {
    NewComment body = JsonBodies.read(ctx, NewComment.class);
    String text = JsonBodies.required(body.text(), "text");
    int id = PathParams.id(ctx, "id");
    Target t = project(ctx);
    ctx.status(201).json(new WorkItemsClient(t.http()).addComment(t.org(), t.project(), id, text));
  }

  private void get(Context ctx) {
    int id = PathParams.id(ctx, "id");
    List<String> fields = new ArrayList<>();
    String list = ctx.queryParam("fields");
    if (list != null) {
      for (String field : list.split(",")) {
        if (!field.isBlank()) {
          fields.add(FieldValue.referenceName(field));
        }
      }
    }
    Target t = ado.organization(PathParams.name(ctx, "organization"));
    ctx.json(new WorkItemsClient(t.http()).get(t.org(), id, fields));
  }

  private void update(Context ctx) {
    WorkItemChange body = JsonBodies.read(ctx, WorkItemChange.class);
    List<FieldValue> fields = fieldValues(body.fields());
    if (fields.isEmpty()) {
      throw ApiException.badRequest(
          "invalid_input", "'fields' must name at least one field to set.", "See /openapi.json.");
    }
    int id = PathParams.id(ctx, "id");
    Target t = ado.organization(PathParams.name(ctx, "organization"));
    try {
      ctx.json(
          new WorkItemsClient(t.http())
              .update(t.org(), id, fields, Optional.ofNullable(body.expectedRev())));
    } catch (NotFoundException e) {
      throw e;
    } catch (AzureDevOpsApiException e) {
      if (body.expectedRev() == null || (e.status() != 412 && e.status() != 409)) {
        throw e;
      }
      throw new ApiException(409, "conflict", e.getMessage(), e.hint());
    }
  }

  private static List<FieldValue> fieldValues(Map<String, String> fields) {
    List<FieldValue> values = new ArrayList<>();
    if (fields != null) {
      fields.forEach(
          (name, value) ->
              values.add(
                  new FieldValue(FieldValue.referenceName(name), value == null ? "" : value)));
    }
    return values;
  }
}
