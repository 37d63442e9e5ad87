package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.connect.ProjectHandle;
import io.adoconnect.http.Json;
import java.util.List;

/**
 * Classic releases: list and read, with their stages. The same core calls as the CLI's {@code
 * releases} commands (on the release host of Azure DevOps Services, or the Server itself).
 */
final class ReleaseTools {
  private static final List<String> WRITTEN =
      List.of("name", "description", "releaseDefinition/name", "environments/*/name");

  private ReleaseTools() {}

  static List<McpTool> all() {
    return List.of(
        new McpTool(
            "list_releases",
            "List releases",
            ToolSet.RELEASES,
            Effect.READ,
            "A project's latest classic releases with their stages, newest first; of one definition if given.",
            Schema.project()
                .string("definition", "Release definition id or name.", false)
                .integer("top", "How many of the latest to read (default 50).", false)
                .paged(),
            ReleaseTools::list),
        new McpTool(
            "get_release",
            "Read a release",
            ToolSet.RELEASES,
            Effect.READ,
            "One classic release with its stages and their status.",
            Schema.project().integer("releaseId", "The release id.", true),
            ReleaseTools::get));
  }

  private static Answer list(ToolCall call) {
    ProjectHandle project = BuildTools.project(call);
    ToolCall.Page<?> page =
        call.page(
            project
                .releases()
                .list(
                    call.args().optionalString("definition").orElse(null),
                    call.args().optionalInteger("top").orElse(null)));
    ObjectNode body = Where.body(Where.of(project));
    body.set("releases", Json.MAPPER.valueToTree(page.items()));
    return RepositoryTools.paged(body, page, List.of())
        .untrusted(BuildTools.prefixed("/releases/*/", WRITTEN));
  }

  private static Answer get(ToolCall call) {
    ProjectHandle project = BuildTools.project(call);
    ObjectNode body = Where.body(Where.of(project));
    body.set(
        "release",
        Json.MAPPER.valueToTree(project.releases().get(call.args().integer("releaseId"))));
    return Answer.of(body).untrusted(BuildTools.prefixed("/release/", WRITTEN));
  }
}
