package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.connect.OrganizationHandle;
import io.adoconnect.connect.ProjectHandle;
import io.adoconnect.http.Json;
import io.adoconnect.workitems.Comment;
import io.adoconnect.workitems.FieldValue;
import io.adoconnect.workitems.WorkItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Work items: WIQL query, read, create, update with a revision guard, comment. The same core calls
 * as the CLI's {@code workitems} commands. Every field value and comment is untrusted text.
 *
 * <p>In sources-only mode a query runs only in a project that holds a source, and its results are
 * filtered again by {@code System.TeamProject} (WIQL can name other projects); a work item read,
 * updated or commented on by id must be in such a project, or the call is refused.
 */
final class WorkItemTools {
  static final String TEAM_PROJECT = "System.TeamProject";

  private WorkItemTools() {}

  static List<McpTool> all() {
    return List.of(
        new McpTool(
            "query_work_items",
            "Query work items (WIQL)",
            ToolSet.WORK_ITEMS,
            Effect.READ,
            "Runs a WIQL query in a project (@project is that project) and reads the matching work items in order.",
            Schema.project()
                .string(
                    "wiql",
                    "The WIQL query, e.g. SELECT [System.Id] FROM WorkItems WHERE [System.State] = 'Active'.",
                    true)
                .strings(
                    "fields",
                    "Fields to read (reference names or Title, State, …); default: the query's columns.",
                    false)
                .integer("top", "At most this many matches.", false)
                .paged(),
            WorkItemTools::query),
        new McpTool(
            "get_work_item",
            "Read a work item",
            ToolSet.WORK_ITEMS,
            Effect.READ,
            "One work item by id (ids are unique per organization), with all fields or the ones named, and optionally its comments.",
            Schema.organization()
                .integer("id", "The work item id.", true)
                .strings("fields", "Fields to read; default: all.", false)
                .bool("includeComments", "Also read its comments.", false),
            WorkItemTools::get),
        new McpTool(
            "create_work_item",
            "Create a work item",
            ToolSet.WORK_ITEMS,
            Effect.ADD,
            "Creates a work item of a type (Bug, Task, User Story, …) in a project.",
            Schema.project()
                .string("type", "Work item type, e.g. Bug.", true)
                .string("title", "Title.", true)
                .stringMap(
                    "fields",
                    "More fields, reference name (or Description, Priority, …) to value.",
                    false),
            WorkItemTools::create),
        new McpTool(
            "update_work_item",
            "Update a work item",
            ToolSet.WORK_ITEMS,
            Effect.OVERWRITE,
            "Sets fields on a work item; with expectedRevision, only while it is still at that revision (else refused, nothing changed).",
            Schema.organization()
                .integer("id", "The work item id.", true)
                .stringMap(
                    "fields",
                    "Fields to set, reference name (or Title, State, …) to value; empty clears.",
                    true)
                .integer(
                    "expectedRevision",
                    "The rev you read; the update is refused if it changed since.",
                    false),
            WorkItemTools::update),
        new McpTool(
            "comment_work_item",
            "Comment on a work item",
            ToolSet.WORK_ITEMS,
            Effect.ADD,
            "Adds a comment to a work item.",
            Schema.project()
                .integer("id", "The work item id.", true)
                .string("text", "The comment (HTML or plain text).", true),
            WorkItemTools::comment));
  }

  private static Answer query(ToolCall call) {
    ProjectHandle project = BuildTools.project(call);
    List<String> fields = new ArrayList<>(call.args().strings("fields"));
    boolean confined = call.reach().confined();
    if (confined) {
      if (fields.isEmpty()) {
        fields.addAll(List.of("System.Title", "System.State", "System.WorkItemType"));
      }
      fields.add(TEAM_PROJECT);
    }
    List<WorkItem> found =
        project
            .workItems()
            .query(
                call.args().string("wiql"),
                fields,
                call.args().optionalInteger("top").orElse(null));
    List<WorkItem> kept =
        found.stream()
            .filter(
                w ->
                    !confined
                        || call.reach()
                            .allowsProject(
                                project.account().host(),
                                project.organization().name(),
                                w.text(TEAM_PROJECT)))
            .toList();
    ToolCall.Page<WorkItem> page = call.page(kept);
    ObjectNode body = Where.body(Where.of(project));
    body.set("workItems", Json.MAPPER.valueToTree(page.items()));
    Answer answer =
        RepositoryTools.paged(body, page, List.of()).untrusted("/workItems/*/fields/**");
    if (kept.size() < found.size()) {
      answer.note(
          (found.size() - kept.size())
              + " matching work item(s) outside the sources' projects were left out (sources-only mode).");
    }
    return answer;
  }

  private static Answer get(ToolCall call) {
    OrganizationHandle org = organization(call);
    int id = call.args().integer("id");
    WorkItem item = inReach(call, org, id, call.args().strings("fields"));
    ObjectNode body = Where.body(Where.of(org));
    body.set("workItem", Json.MAPPER.valueToTree(item));
    Answer answer = Answer.of(body).untrusted("/workItem/fields/**");
    if (call.args().bool("includeComments", false)) {
      String projectName = item.text(TEAM_PROJECT);
      if (projectName == null) {
        projectName = org.workItems().get(id, List.of(TEAM_PROJECT)).text(TEAM_PROJECT);
      }
      List<Comment> comments =
          call.ado()
              .project(
                  new io.adoconnect.connect.ProjectRef(
                      org.ref().organization(), projectName, org.account().id()))
              .workItems()
              .comments(id);
      body.set("comments", Json.MAPPER.valueToTree(comments));
      answer.untrusted("/comments/*/text", "/comments/*/createdBy/displayName");
    }
    return answer;
  }

  private static Answer create(ToolCall call) {
    ProjectHandle project = BuildTools.project(call);
    WorkItem item =
        project
            .workItems()
            .create(
                call.args().string("type"),
                call.args().string("title"),
                FieldValue.of(call.args().stringMap("fields")));
    ObjectNode body = Where.body(Where.of(project));
    body.set("workItem", Json.MAPPER.valueToTree(item));
    return Answer.of(body).untrusted("/workItem/fields/**");
  }

  private static Answer update(ToolCall call) {
    OrganizationHandle org = organization(call);
    int id = call.args().integer("id");
    inReach(call, org, id, List.of(TEAM_PROJECT));
    WorkItem item =
        org.workItems()
            .update(
                id,
                FieldValue.of(call.args().stringMap("fields")),
                call.args().optionalInteger("expectedRevision"));
    ObjectNode body = Where.body(Where.of(org));
    body.set("workItem", Json.MAPPER.valueToTree(item));
    return Answer.of(body).untrusted("/workItem/fields/**");
  }

  private static Answer comment(ToolCall call) {
    ProjectHandle project = BuildTools.project(call);
    int id = call.args().integer("id");
    if (call.reach().confined()) {
      WorkItem item = project.workItems().get(id, List.of(TEAM_PROJECT));
      requireInSources(call, project.account().host(), project.organization().name(), id, item);
    }
    Comment comment = project.workItems().comment(id, call.args().string("text"));
    ObjectNode body = Where.body(Where.of(project));
    body.set("comment", Json.MAPPER.valueToTree(comment));
    return Answer.of(body).untrusted("/comment/text", "/comment/createdBy/displayName");
  }

  private static OrganizationHandle organization(ToolCall call) {
    OrganizationHandle org = call.ado().organization(call.args().organization());
    call.reach().check(org);
    return org;
  }

  /** The work item, read with {@code fields} (plus its project when confined), if in reach. */
  private static WorkItem inReach(
      ToolCall call, OrganizationHandle org, int id, List<String> fields) {
    List<String> asked = new ArrayList<>(fields);
    if (call.reach().confined() && !asked.isEmpty()) {
      asked.add(TEAM_PROJECT);
    }
    WorkItem item = org.workItems().get(id, asked);
    if (call.reach().confined()) {
      requireInSources(call, org.account().host(), org.organization().name(), id, item);
    }
    return item;
  }

  private static void requireInSources(
      ToolCall call, String host, String organization, int id, WorkItem item) {
    String project = Optional.ofNullable(item.text(TEAM_PROJECT)).orElse("");
    if (!call.reach().allowsProject(host, organization, project)) {
      throw new McpRefusal(
          "Refused: work item "
              + id
              + " is not in a project that holds a source, and this MCP server is confined to the sources (sources-only mode).",
          "Use list_sources to see which projects are reachable; a person can add a repository of that project as a source.");
    }
  }
}
