package io.adoconnect.simulator.wit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.projects.ProjectJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Work items, under {@code {base}/[{project}/]_apis/wit/}:
 *
 * <ul>
 *   <li>{@code POST wiql[?$top=]} {@code {"query": …}} — the {@link Wiql} subset; ids only; more
 *       than 20,000 matches without {@code $top} → VS402337;
 *   <li>{@code GET workitems?ids=1,2[&fields=…&errorPolicy=omit]} and {@code POST workitemsbatch}
 *       {@code {ids, fields, errorPolicy}} — at most 200 ids, in the order asked;
 *   <li>{@code GET workitems/{id}} — TF401232 when missing;
 *   <li>{@code POST {project}/_apis/wit/workitems/${type}} and {@code PATCH workitems/{id}} — JSON
 *       Patch as {@code application/json-patch+json} only (415 otherwise); each update adds a
 *       revision.
 * </ul>
 */
public final class WorkItemEndpoints implements AreaHandler {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final int MAX_IDS = 200;
  static final int MAX_WIQL_RESULTS = 20_000;
  private static final String JSON_PATCH = "application/json-patch+json";

  private final WorkItemStore store;

  public WorkItemEndpoints(WorkItemStore store) {
    this.store = store;
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    Collection collection = call.scope().collection();
    List<String> route = call.route();
    if (collection == null || route.size() < 2 || !route.get(0).equalsIgnoreCase("wit")) {
      return Optional.empty();
    }
    String resource = route.get(1).toLowerCase(Locale.ROOT);
    String method = call.request().method();
    boolean wiql = resource.equals("wiql") && route.size() == 2 && method.equals("POST");
    boolean list = resource.equals("workitems") && route.size() == 2 && call.isGet();
    boolean batch = resource.equals("workitemsbatch") && route.size() == 2 && method.equals("POST");
    boolean create =
        resource.equals("workitems")
            && route.size() == 3
            && route.get(2).startsWith("$")
            && method.equals("POST");
    boolean get = resource.equals("workitems") && route.size() == 3 && !create && call.isGet();
    boolean update = resource.equals("workitems") && route.size() == 3 && method.equals("PATCH");
    if (!wiql && !list && !batch && !create && !get && !update) {
      return Optional.empty();
    }
    Project project = null;
    if (call.project() != null) {
      Optional<Project> found = collection.project(call.project());
      if (found.isEmpty()) {
        return Optional.of(ProjectJson.notFound(call.project()));
      }
      project = found.get();
    }
    if (wiql) {
      return Optional.of(wiql(call, collection, project));
    }
    if (list) {
      return Optional.of(list(call, collection, project));
    }
    if (batch) {
      return Optional.of(batch(call, collection, project));
    }
    if ((create || update) && !isJsonPatch(call)) {
      return Optional.of(
          WorkItemErrors.unsupportedContentType(
              call.request().header("Content-Type").orElse(""), method));
    }
    if (create) {
      return Optional.of(create(call, collection, project, route.get(2).substring(1)));
    }
    Optional<Integer> id = parseId(route.get(2));
    if (id.isEmpty()) {
      return Optional.of(
          WorkItemErrors.badRequest("The work item id '" + route.get(2) + "' is not a number."));
    }
    return Optional.of(
        get
            ? get(call, collection, project, id.get())
            : update(call, collection, project, id.get()));
  }

  private Response wiql(ApiCall call, Collection collection, Project project) {
    JsonNode body = readBody(call);
    String text = body == null ? "" : body.path("query").asText("");
    if (text.isBlank()) {
      // Wording unverified.
      return WorkItemErrors.badRequest("The query in the request body is empty.");
    }
    Optional<String> topText = call.request().queryParameter("$top").filter(t -> !t.isBlank());
    Optional<Integer> top = topText.flatMap(WorkItemEndpoints::parseId);
    if (topText.isPresent() && top.filter(n -> n > 0).isEmpty()) {
      return WorkItemErrors.badRequest("The value of $top must be a positive number.");
    }
    Wiql query;
    try {
      query = Wiql.parse(text);
    } catch (Wiql.WiqlException e) {
      return ErrorEnvelope.of(
          400,
          e.getMessage(),
          WorkItemErrors.WIT + "Query.QuerySyntaxException" + WorkItemErrors.WIT_ASSEMBLY);
    }
    if (query.usesProject() && project == null) {
      // Wording unverified.
      return WorkItemErrors.badRequest(
          "The query uses @project but the request names no project: POST"
              + " {organization}/{project}/_apis/wit/wiql.");
    }
    String me = call.scope().user() == null ? "" : call.scope().user().displayName();
    Wiql.Context context = new Wiql.Context(project == null ? null : project.name(), me);
    List<Integer> ids =
        store.locked(
            collection,
            items ->
                WorkItemStore.all(items).stream()
                    .filter(item -> query.matches(item, context))
                    .sorted(query.order())
                    .map(item -> item.id)
                    .toList());
    if (top.isEmpty() && ids.size() > MAX_WIQL_RESULTS) {
      // Code from azure-devops-rest.md §4; wording unverified.
      return ErrorEnvelope.of(
          400,
          "VS402337: The number of work items returned exceeds the size limit of "
              + MAX_WIQL_RESULTS
              + ". Change the query to return fewer items.",
          WorkItemErrors.WIT
              + "Query.WorkItemTrackingQueryResultSizeLimitExceededException"
              + WorkItemErrors.WIT_ASSEMBLY);
    }
    List<Integer> page = ids.subList(0, Math.min(ids.size(), top.orElse(ids.size())));
    ObjectNode result = Json.object();
    result.put("queryType", "flat");
    result.put("queryResultType", "workItem");
    result.put("asOf", Json.timestamp(Instant.now()));
    ArrayNode columns = result.putArray("columns");
    for (String column : query.columns()) {
      columns.add(fieldReference(column, call));
    }
    ArrayNode sortColumns = result.putArray("sortColumns");
    for (Wiql.Sort sort : query.orderBy()) {
      ObjectNode node = sortColumns.addObject();
      node.set("field", fieldReference(sort.field(), call));
      node.put("descending", sort.descending());
    }
    ArrayNode workItems = result.putArray("workItems");
    for (int id : page) {
      workItems.addObject().put("id", id).put("url", WorkItemJson.url(id, call.scope()));
    }
    return Json.ok(result);
  }

  private static ObjectNode fieldReference(String referenceName, ApiCall call) {
    ObjectNode node = Json.object();
    node.put("referenceName", referenceName);
    node.put("name", WorkItemFields.friendlyName(referenceName));
    node.put("url", WorkItemJson.fieldUrl(referenceName, call.scope()));
    return node;
  }

  private Response list(ApiCall call, Collection collection, Project project) {
    String idsText = call.request().queryParameter("ids").orElse("");
    List<Integer> ids = new ArrayList<>();
    for (String part : idsText.split(",")) {
      if (!part.isBlank()) {
        Optional<Integer> id = parseId(part.trim());
        if (id.isEmpty()) {
          return WorkItemErrors.badRequest(
              "The work item id '" + part.trim() + "' is not a number.");
        }
        ids.add(id.get());
      }
    }
    List<String> fields = new ArrayList<>();
    for (String field : call.request().queryParameter("fields").orElse("").split(",")) {
      if (!field.isBlank()) {
        fields.add(field.trim());
      }
    }
    boolean omit = call.request().queryParameter("errorPolicy").orElse("").equalsIgnoreCase("omit");
    return items(call, collection, project, ids, fields, omit);
  }

  private Response batch(ApiCall call, Collection collection, Project project) {
    JsonNode body = readBody(call);
    if (body == null || !body.path("ids").isArray()) {
      // Wording unverified.
      return WorkItemErrors.badRequest("The request body must name the work item ids in 'ids'.");
    }
    List<Integer> ids = new ArrayList<>();
    for (JsonNode id : body.get("ids")) {
      if (!id.canConvertToInt()) {
        return WorkItemErrors.badRequest("The work item id '" + id.asText() + "' is not a number.");
      }
      ids.add(id.asInt());
    }
    List<String> fields = new ArrayList<>();
    body.path("fields").forEach(f -> fields.add(f.asText()));
    boolean omit = body.path("errorPolicy").asText("").equalsIgnoreCase("omit");
    return items(call, collection, project, ids, fields, omit);
  }

  private Response items(
      ApiCall call,
      Collection collection,
      Project project,
      List<Integer> ids,
      List<String> fieldNames,
      boolean omit) {
    if (ids.isEmpty()) {
      // Wording unverified.
      return WorkItemErrors.badRequest("At least one work item id is required.");
    }
    if (ids.size() > MAX_IDS) {
      // The limit is the spec's ("Maximum 200"); wording unverified.
      return WorkItemErrors.badRequest(
          "The number of work item ids ("
              + ids.size()
              + ") exceeds the limit of "
              + MAX_IDS
              + " per request.");
    }
    List<String> fields = new ArrayList<>();
    for (String name : fieldNames) {
      Optional<String> reference = WorkItemFields.referenceName(name);
      if (reference.isEmpty()) {
        // Wording unverified.
        return ErrorEnvelope.of(
            400,
            "TF51535: Cannot find field " + name + ".",
            WorkItemErrors.WIT + "FieldNotFoundException" + WorkItemErrors.WIT_ASSEMBLY);
      }
      fields.add(reference.get());
    }
    return store.locked(
        collection,
        items -> {
          ArrayNode value = Json.object().arrayNode();
          for (int id : ids) {
            Optional<WorkItem> item = visible(store.find(items, id), project);
            if (item.isEmpty()) {
              if (!omit) {
                return WorkItemErrors.notFound(id);
              }
              // errorPolicy=omit: a null entry in its place (shape unverified).
              value.addNull();
            } else {
              value.add(WorkItemJson.item(item.get(), fields, call.scope()));
            }
          }
          ObjectNode envelope = Json.object();
          envelope.put("count", value.size());
          envelope.set("value", value);
          return Json.ok(envelope);
        });
  }

  private Response get(ApiCall call, Collection collection, Project project, int id) {
    List<String> fields = new ArrayList<>();
    for (String field : call.request().queryParameter("fields").orElse("").split(",")) {
      if (!field.isBlank()) {
        fields.add(WorkItemFields.referenceName(field).orElse(field.trim()));
      }
    }
    return store.locked(
        collection,
        items ->
            visible(store.find(items, id), project)
                .map(item -> Json.ok(WorkItemJson.item(item, fields, call.scope())))
                .orElseGet(() -> WorkItemErrors.notFound(id)));
  }

  private Response create(ApiCall call, Collection collection, Project project, String typeName) {
    if (project == null) {
      return WorkItemErrors.badRequest(
          "A work item is created in a project: POST {organization}/{project}/_apis/wit/workitems/${type}.");
    }
    Optional<String> type = WorkItemFields.type(typeName);
    if (type.isEmpty()) {
      return WorkItemErrors.unknownType(typeName, project.name());
    }
    JsonNode patch = readBody(call);
    Instant now = Instant.now();
    return store.locked(
        collection,
        items -> {
          WorkItem draft = new WorkItem(0, project);
          Map<String, JsonNode> fields;
          try {
            fields = JsonPatch.apply(patch, draft);
          } catch (JsonPatch.PatchException e) {
            return ErrorEnvelope.of(e.status, e.getMessage(), e.typeName);
          }
          String state = text(fields.get(WorkItemFields.STATE));
          List<String> states = WorkItemFields.states(type.get());
          Optional<Response> invalid =
              validate(fields, state == null ? states.get(0) : state, states);
          if (invalid.isPresent()) {
            return invalid.get();
          }
          WorkItem item =
              store.newItem(
                  items,
                  project,
                  type.get(),
                  state == null ? states.get(0) : canonical(state, states),
                  call.scope().user(),
                  now);
          fields.remove(WorkItemFields.STATE);
          item.fields.putAll(fields);
          item.fields.put(
              "Microsoft.VSTS.Common.StateChangeDate", TextNode.valueOf(Json.timestamp(now)));
          return Json.ok(WorkItemJson.item(item, List.of(), call.scope()));
        });
  }

  private Response update(ApiCall call, Collection collection, Project project, int id) {
    JsonNode patch = readBody(call);
    Instant now = Instant.now();
    return store.locked(
        collection,
        items -> {
          Optional<WorkItem> found = visible(store.find(items, id), project);
          if (found.isEmpty()) {
            return WorkItemErrors.notFound(id);
          }
          WorkItem item = found.get();
          Map<String, JsonNode> fields;
          try {
            fields = JsonPatch.apply(patch, item);
          } catch (JsonPatch.PatchException e) {
            return ErrorEnvelope.of(e.status, e.getMessage(), e.typeName);
          }
          JsonNode oldHistory = item.fields.get(WorkItemFields.HISTORY);
          if (oldHistory != null && fields.get(WorkItemFields.HISTORY) == oldHistory) {
            // History belongs to the revision that wrote it.
            fields.remove(WorkItemFields.HISTORY);
          }
          List<String> states = WorkItemFields.states(item.type());
          String state = text(fields.get(WorkItemFields.STATE));
          Optional<Response> invalid = validate(fields, state, states);
          if (invalid.isPresent()) {
            return invalid.get();
          }
          Map<String, JsonNode> before = new LinkedHashMap<>(item.fields);
          before.remove(WorkItemFields.HISTORY);
          if (fields.equals(before) && !fields.containsKey(WorkItemFields.HISTORY)) {
            return Json.ok(WorkItemJson.item(item, List.of(), call.scope()));
          }
          String oldState = item.text(WorkItemFields.STATE);
          fields.put(WorkItemFields.STATE, TextNode.valueOf(canonical(state, states)));
          if (!canonical(state, states).equals(oldState)) {
            fields.put(
                "Microsoft.VSTS.Common.StateChangeDate", TextNode.valueOf(Json.timestamp(now)));
          }
          fields.put("System.ChangedDate", TextNode.valueOf(Json.timestamp(now)));
          fields.put("System.ChangedBy", Json.identityRef(call.scope().user()));
          item.fields.clear();
          item.fields.putAll(fields);
          item.rev++;
          return Json.ok(WorkItemJson.item(item, List.of(), call.scope()));
        });
  }

  /** Title present, State one of the type's. */
  private static Optional<Response> validate(
      Map<String, JsonNode> fields, String state, List<String> states) {
    String title = text(fields.get(WorkItemFields.TITLE));
    if (title == null || title.isBlank()) {
      return Optional.of(WorkItemErrors.ruleError("Title", "Required, InvalidEmpty"));
    }
    if (state == null || states.stream().noneMatch(s -> s.equalsIgnoreCase(state))) {
      return Optional.of(
          WorkItemErrors.ruleError(
              "State", "Required, HasValues, LimitedToValues, InvalidListValue"));
    }
    return Optional.empty();
  }

  private static String canonical(String state, List<String> states) {
    return states.stream().filter(s -> s.equalsIgnoreCase(state)).findFirst().orElse(state);
  }

  /** The item, unless the URL names a project it is not in. */
  private static Optional<WorkItem> visible(Optional<WorkItem> item, Project project) {
    return item.filter(i -> project == null || i.project.id().equals(project.id()));
  }

  private static boolean isJsonPatch(ApiCall call) {
    return call.request()
        .header("Content-Type")
        .map(c -> c.toLowerCase(Locale.ROOT).trim().startsWith(JSON_PATCH))
        .orElse(false);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static JsonNode readBody(ApiCall call) {
    try {
      return call.body().length == 0 ? null : MAPPER.readTree(call.body());
    } catch (IOException e) {
      return null;
    }
  }

  static Optional<Integer> parseId(String text) {
    try {
      return Optional.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
