package io.adoconnect.simulator.repositories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.events.ServiceEvents;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.http.Scope;
import io.adoconnect.simulator.projects.ProjectJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET {base}/[{project}/]_apis/git/repositories[/{idOrName}]}, and {@code POST
 * {base}/{project}/_apis/git/repositories} ({@code {"name": …}}), which creates an empty repository
 * and publishes {@code git.repo.created} (resource {@code {repository, initiatedBy, utcTimestamp}},
 * as Azure DevOps' event documentation shows it). The organization-level listing is unpaged (like
 * the service) and cached as bytes per base URL, so large parallel listings cost latency, not JSON
 * generation; a created repository drops its organization's cached listing.
 */
public final class RepositoryEndpoints implements AreaHandler {
  public static final String REPO_CREATED = "git.repo.created";

  private final Map<String, byte[]> organizationListings = new ConcurrentHashMap<>();

  /** Repositories created through the API, per collection name (lower case), in order. */
  private final Map<String, List<Repository>> created = new ConcurrentHashMap<>();

  private final ServiceEvents events;

  public RepositoryEndpoints(ServiceEvents events) {
    this.events = events;
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    Collection collection = call.scope().collection();
    if (collection != null
        && call.request().method().equals("POST")
        && call.project() != null
        && call.hasSegments(2)
        && call.route().get(0).equalsIgnoreCase("git")
        && call.route().get(1).equalsIgnoreCase("repositories")) {
      return Optional.of(create(call, collection));
    }
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
      candidates = all(collection);
    } else {
      Optional<Project> project = collection.project(call.project());
      if (project.isEmpty()) {
        return Optional.of(ProjectJson.notFound(call.project()));
      }
      candidates =
          all(collection).stream()
              .filter(r -> r.project().id().equals(project.get().id()))
              .toList();
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
        scope.baseUrl(), key -> Json.bytes(listing(all(collection), scope)));
  }

  private List<Repository> all(Collection collection) {
    List<Repository> added = created.get(key(collection));
    if (added == null) {
      return collection.repositories();
    }
    List<Repository> all = new ArrayList<>(collection.repositories());
    all.addAll(added);
    return all;
  }

  private static String key(Collection collection) {
    return collection.name().toLowerCase(Locale.ROOT);
  }

  private Response create(ApiCall call, Collection collection) {
    Optional<Project> project = collection.project(call.project());
    if (project.isEmpty()) {
      return ProjectJson.notFound(call.project());
    }
    String name = call.jsonObjectBody().map(b -> b.path("name").asText("").trim()).orElse("");
    if (name.isEmpty()) {
      return ErrorEnvelope.of(
          400,
          "The repository name must be given.",
          "Microsoft.TeamFoundation.Git.Server.InvalidArgumentValueException,"
              + " Microsoft.TeamFoundation.Git.Server");
    }
    Repository repository;
    synchronized (created) {
      List<Repository> inProject =
          all(collection).stream()
              .filter(r -> r.project().id().equals(project.get().id()))
              .toList();
      if (Collection.repository(inProject, name).isPresent()) {
        return ErrorEnvelope.of(
            409,
            "TF400948: A Git repository with the name " + name + " already exists.",
            "Microsoft.TeamFoundation.Git.Server.GitRepositoryNameAlreadyExistsException,"
                + " Microsoft.TeamFoundation.Git.Server");
      }
      // A new repository has URLs but no commits yet: no default branch, size 0.
      repository =
          new Repository(
              UUID.nameUUIDFromBytes(
                  (collection.instanceId() + "/created/" + project.get().id() + "/" + name)
                      .getBytes(StandardCharsets.UTF_8)),
              name,
              project.get(),
              null,
              0,
              false,
              false,
              true);
      created.computeIfAbsent(key(collection), k -> new CopyOnWriteArrayList<>()).add(repository);
      organizationListings.clear(); // every URL layout of this collection lists it now
    }
    ObjectNode json = RepositoryJson.of(repository, call.scope(), true);
    ObjectNode resource = Json.object();
    resource.set("repository", RepositoryJson.of(repository, call.scope()));
    resource.set("initiatedBy", Json.identityRef(call.scope().user()));
    resource.put("utcTimestamp", Json.timestamp(java.time.Instant.now()));
    events.publish(REPO_CREATED, collection, project.get().id().toString(), resource);
    return Response.json(201, Json.bytes(json));
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
