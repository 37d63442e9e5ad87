package io.adoconnect.workitems;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A work item: id, revision ({@code rev}, one more on every update), fields by reference name
 * (identities such as {@code System.AssignedTo} are objects) and its REST URL.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkItem(int id, int rev, Map<String, JsonNode> fields, String url) {
  public WorkItem {
    fields =
        fields == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A field as text (an identity's display name), or null when the item lacks it. */
  public String text(String referenceName) {
    JsonNode value = fields.get(referenceName);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isObject() ? value.path("displayName").asText(null) : value.asText();
  }

  public String title() {
    return text("System.Title");
  }

  public String state() {
    return text("System.State");
  }

  public String type() {
    return text("System.WorkItemType");
  }
}
