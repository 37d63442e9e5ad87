package io.adoconnect.simulator.repositories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.http.Scope;
import io.adoconnect.simulator.projects.ProjectJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET {base}/[{project}/]_apis/git/repositories[/{idOrName}]}. The organization-level
 * listing is unpaged (like the service) and cached as bytes per base URL, so large parallel
 * listings cost latency, not JSON generation.
 */
public final class RepositoryEndpoints implements AreaHandler {

  private final Map<String, byte[]> organizationListings = new ConcurrentHashMap<>();

  @Override
  public Optional<Response> handle(ApiCall call) {
    Collection collection = call.scope().collection();
    if (!call.isGet()
        || collection == null
        || call.route().size() < 2
        || call.route().size() > 3
        || !call.route().get(0).equalsIgnoreCase("git")
        || !call.route().get(1).equalsIgnoreCase("repositories")) {
      return Optional.empty();
    }
    List<Repository> candidates;
    if (call.project() == null) {
      if (call.hasSegments(2)) {
        return Optional.of(Response.json(200, organizationListing(call.scope(), collection)));
      }
      candidates = collection.repositories();
    } else {
      Optional<Project> project = collection.project(call.project());
      if (project.isEmpty()) {
        return Optional.of(ProjectJson.notFound(call.project()));
      }
      candidates = collection.repositoriesOf(project.get());
      if (call.hasSegments(2)) {
        return Optional.of(Json.ok(listing(candidates, call.scope())));
      }
    }
    String idOrName = call.route().get(2);
    return Optional.of(
        Collection.repository(candidates, idOrName)
            .map(repository -> Json.ok(RepositoryJson.of(repository, call.scope(), true)))
            .orElseGet(() -> repositoryNotFound(idOrName)));
  }

  private byte[] organizationListing(Scope scope, Collection collection) {
    return organizationListings.computeIfAbsent(
        scope.baseUrl(), key -> Json.bytes(listing(collection.repositories(), scope)));
  }

  private static ObjectNode listing(List<Repository> repositories, Scope scope) {
    return Json.collection(
        repositories.stream().map(repository -> RepositoryJson.of(repository, scope)).toList());
  }

  /** Azure DevOps' 404 for a repository that does not exist or cannot be seen. */
  public static Response repositoryNotFound(String idOrName) {
    return ErrorEnvelope.of(
        404,
        "TF401019: The Git repository with name or identifier "
            + idOrName
            + " does not exist or you do not have permissions for the operation you are attempting.",
        "Microsoft.TeamFoundation.Git.Server.GitRepositoryNotFoundException, Microsoft.TeamFoundation.Git.Server");
  }
}
