package io.adoconnect.simulator.projects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.http.Scope;

/**
 * {@code TeamProjectReference} JSON and the unknown-project error, shared with the repositories
 * area.
 */
public final class ProjectJson {

  private ProjectJson() {}

  /** The reference as listed by {@code _apis/projects} and embedded in repositories. */
  public static ObjectNode reference(Project project, Scope scope, boolean withDescription) {
    ObjectNode node = Json.object();
    node.put("id", project.id().toString());
    node.put("name", project.name());
    if (withDescription && project.description() != null) {
      node.put("description", project.description());
    }
    node.put("url", scope.baseUrl() + "/_apis/projects/" + project.id());
    node.put("state", project.state());
    node.put("revision", project.revision());
    node.put("visibility", project.visibility());
    node.put("lastUpdateTime", Json.timestamp(project.lastUpdateTime()));
    return node;
  }

  /** The 404 for an unknown project name or id. */
  public static Response notFound(String idOrName) {
    // Wording from memory of the live service; unverified.
    return ErrorEnvelope.of(
        404,
        "TF200016: The following project does not exist: "
            + idOrName
            + ". Verify that the name of the project is correct and that the project exists on the "
            + "specified Azure DevOps Server.",
        "Microsoft.TeamFoundation.Core.WebApi.ProjectDoesNotExistWithNameException, "
            + "Microsoft.TeamFoundation.Core.WebApi");
  }
}
