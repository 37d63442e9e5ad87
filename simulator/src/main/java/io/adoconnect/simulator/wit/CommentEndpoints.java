package io.adoconnect.simulator.wit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.projects.ProjectJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Work item comments, {@code POST|GET {base}/{project}/_apis/wit/workItems/{id}/comments}
 * (api-version {@code 7.1-preview.4} / {@code 6.0-preview.3} on the service): a comment is {@code
 * {"text": …}}; the list ({@code CommentList}: {@code totalCount, count, comments}) is newest
 * first. Adding one makes a revision and counts in {@code System.CommentCount}.
 */
public final class CommentEndpoints implements AreaHandler {

  private final WorkItemStore store;

  public CommentEndpoints(WorkItemStore store) {
    this.store = store;
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    Collection collection = call.scope().collection();
    List<String> route = call.route();
    String method = call.request().method();
    if (collection == null
        || call.project() == null
        || route.size() != 4
        || !route.get(0).equalsIgnoreCase("wit")
        || !route.get(1).equalsIgnoreCase("workitems")
        || !route.get(3).equalsIgnoreCase("comments")
        || !(call.isGet() || method.equals("POST"))) {
      return Optional.empty();
    }
    Optional<Project> project = collection.project(call.project());
    if (project.isEmpty()) {
      return Optional.of(ProjectJson.notFound(call.project()));
    }
    Optional<Integer> id = WorkItemEndpoints.parseId(route.get(2));
    if (id.isEmpty()) {
      return Optional.of(
          WorkItemErrors.badRequest("The work item id '" + route.get(2) + "' is not a number."));
    }
    String text = null;
    if (!call.isGet()) {
      text = text(call);
      if (text == null || text.isBlank()) {
        // Wording unverified.
        return Optional.of(WorkItemErrors.badRequest("The comment text must not be empty."));
      }
    }
    String newText = text;
    return Optional.of(
        store.locked(
            collection,
            items -> {
              Optional<WorkItem> item =
                  store
                      .find(items, id.get())
                      .filter(i -> i.project.id().equals(project.get().id()));
              if (item.isEmpty()) {
                return WorkItemErrors.notFound(id.get());
              }
              return newText == null ? list(item.get(), call) : add(item.get(), newText, call);
            }));
  }

  private static Response add(WorkItem item, String text, ApiCall call) {
    String now = Json.timestamp(Instant.now());
    ObjectNode comment = Json.object();
    comment.put("workItemId", item.id);
    comment.put("id", item.comments.size() + 1);
    comment.put("version", 1);
    comment.put("text", text);
    comment.set("createdBy", Json.identityRef(call.scope().user()));
    comment.put("createdDate", now);
    comment.set("modifiedBy", Json.identityRef(call.scope().user()));
    comment.put("modifiedDate", now);
    comment.put(
        "url", WorkItemJson.url(item.id, call.scope()) + "/comments/" + comment.get("id").asInt());
    item.comments.add(comment);
    item.rev++;
    item.fields.put(WorkItemFields.COMMENT_COUNT, IntNode.valueOf(item.comments.size()));
    item.fields.put("System.ChangedDate", TextNode.valueOf(now));
    item.fields.put("System.ChangedBy", Json.identityRef(call.scope().user()));
    return Json.ok(comment);
  }

  private static Response list(WorkItem item, ApiCall call) {
    List<ObjectNode> newestFirst = new ArrayList<>(item.comments);
    Collections.reverse(newestFirst);
    ObjectNode list = Json.object();
    list.put("totalCount", newestFirst.size());
    list.put("count", newestFirst.size());
    ArrayNode comments = list.putArray("comments");
    comments.addAll(newestFirst);
    list.put("url", WorkItemJson.url(item.id, call.scope()) + "/comments");
    return Json.ok(list);
  }

  private static String text(ApiCall call) {
    return call.jsonObjectBody()
        .map(body -> body.path("text"))
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .orElse(null);
  }
}
