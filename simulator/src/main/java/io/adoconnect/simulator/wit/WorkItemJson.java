package io.adoconnect.simulator.wit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Scope;
import java.util.List;

/** Work items in the wire format of {@code work-item.json} and {@code work-items-batch.json}. */
final class WorkItemJson {
  private WorkItemJson() {}

  /**
   * The item; with {@code fields} only those fields it has ({@code System.Id} included when asked
   * for), else all of them with {@code System.Rev}.
   */
  /** A person field (an IdentityRef) gets the links the organization adds; others as stored. */
  private static JsonNode shown(JsonNode value, Scope scope) {
    return value.isObject() && value.has("id") && value.has("displayName")
        ? Json.withIdentityLinks(((ObjectNode) value).deepCopy(), scope)
        : value;
  }

  static ObjectNode item(WorkItem item, List<String> fields, Scope scope) {
    ObjectNode node = Json.object();
    node.put("id", item.id);
    node.put("rev", item.rev);
    ObjectNode values = node.putObject("fields");
    if (fields == null || fields.isEmpty()) {
      item.fields.forEach((field, value) -> values.set(field, shown(value, scope)));
      values.put(WorkItemFields.REV, item.rev);
    } else {
      for (String field : fields) {
        JsonNode value = item.value(field);
        if (value != null) {
          values.set(field, shown(value, scope));
        }
      }
    }
    String url = url(item.id, scope);
    if (fields == null || fields.isEmpty()) {
      ObjectNode links = node.putObject("_links");
      links.putObject("self").put("href", url);
      links.putObject("workItemUpdates").put("href", url + "/updates");
      links.putObject("workItemRevisions").put("href", url + "/revisions");
      links.putObject("workItemComments").put("href", url + "/comments");
      String wit = scope.baseUrl() + "/_apis/wit";
      links.putObject("workItemHistory").put("href", url + "/history");
      links
          .putObject("workItemType")
          .put("href", wit + "/workItemTypes/" + item.value("System.WorkItemType").asText(""));
      links.putObject("fields").put("href", wit + "/fields");
      links
          .putObject("html")
          .put(
              "href",
              scope.baseUrl()
                  + "/web/wi.aspx?pcguid="
                  + scope.collection().instanceId()
                  + "&id="
                  + item.id);
    }
    node.put("url", url);
    return node;
  }

  /** {@code {base}/_apis/wit/workItems/{id}}: collection level, as the service writes it. */
  static String url(int id, Scope scope) {
    return scope.baseUrl() + "/_apis/wit/workItems/" + id;
  }

  static String fieldUrl(String referenceName, Scope scope) {
    return scope.baseUrl() + "/_apis/wit/fields/" + referenceName;
  }
}
