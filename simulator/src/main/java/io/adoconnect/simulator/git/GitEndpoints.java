package io.adoconnect.simulator.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.PathCodec;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.projects.ProjectJson;
import io.adoconnect.simulator.repositories.RepositoryEndpoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inside a repository, under {@code {base}/[{project}/]_apis/git/repositories/{repo}/}:
 *
 * <ul>
 *   <li>{@code GET refs?filter=heads/} — paged with {@code $top} (default 1000) and {@code
 *       continuationToken}, the next token in {@code x-ms-continuationtoken};
 *   <li>{@code GET items?path=…[&versionDescriptor.version=…&versionDescriptor.versionType=branch]}
 *       — raw bytes for {@code Accept: application/octet-stream} or {@code text/plain}, a GitItem
 *       otherwise;
 *   <li>{@code POST|GET commits/{commitId}/statuses} — kept in memory, listed newest first.
 * </ul>
 */
public final class GitEndpoints implements AreaHandler {
  private static final int DEFAULT_TOP = 1000;
  private static final Set<String> STATES =
      Set.of("notSet", "pending", "succeeded", "failed", "error", "notApplicable");

  private static final List<String> STATE_NUMBERS =
      List.of("notSet", "pending", "succeeded", "failed", "error", "notApplicable");

  private final Map<String, List<ObjectNode>> statuses = new ConcurrentHashMap<>();
  private final AtomicInteger nextStatusId = new AtomicInteger(1);
  private final GitContent git;
  private final Pushes pushes;

  public GitEndpoints(GitContent git, Pushes pushes) {
    this.git = git;
    this.pushes = pushes;
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    Collection collection = call.scope().collection();
    List<String> route = call.route();
    if (collection == null
        || route.size() < 4
        || !route.get(0).equalsIgnoreCase("git")
        || !route.get(1).equalsIgnoreCase("repositories")) {
      return Optional.empty();
    }
    String resource = route.get(3).toLowerCase(Locale.ROOT);
    boolean refs = resource.equals("refs") && call.isGet();
    boolean items = resource.equals("items") && route.size() == 4 && call.isGet();
    boolean pushList = resource.equals("pushes") && route.size() <= 5 && call.isGet();
    boolean commitStatuses =
        resource.equals("commits")
            && route.size() == 6
            && route.get(5).equalsIgnoreCase("statuses")
            && (call.isGet() || call.request().method().equals("POST"));
    if (!refs && !items && !commitStatuses && !pushList) {
      return Optional.empty();
    }
    List<Repository> candidates;
    if (call.project() == null) {
      candidates = collection.repositories();
    } else {
      Optional<Project> project = collection.project(call.project());
      if (project.isEmpty()) {
        return Optional.of(ProjectJson.notFound(call.project()));
      }
      candidates = collection.repositoriesOf(project.get());
    }
    Optional<Repository> found = Collection.repository(candidates, route.get(2));
    if (found.isEmpty()) {
      return Optional.of(RepositoryEndpoints.repositoryNotFound(route.get(2)));
    }
    Repository repository = found.get();
    if (pushList) {
      return Optional.of(pushes(call, repository));
    }
    if (refs) {
      return Optional.of(refs(call, repository));
    }
    if (items) {
      return Optional.of(item(call, repository));
    }
    return Optional.of(
        call.isGet()
            ? listStatuses(call, collection, repository, route.get(4))
            : createStatus(call, collection, repository, route.get(4)));
  }

  /**
   * {@code GET pushes} (newest first, {@code $top} default 100, {@code $skip}) and {@code GET
   * pushes/{pushId}}.
   */
  private Response pushes(ApiCall call, Repository repository) {
    List<ObjectNode> all = pushes.of(repository);
    if (call.route().size() == 5) {
      String wanted = call.route().get(4);
      return all.stream()
          .filter(p -> p.path("pushId").asText().equals(wanted))
          .findFirst()
          .map(Json::ok)
          // Wording unverified.
          .orElseGet(
              () ->
                  ErrorEnvelope.of(
                      404,
                      "TF401180: The requested push " + wanted + " could not be found.",
                      "Microsoft.TeamFoundation.Git.Server.GitPushNotFoundException,"
                          + " Microsoft.TeamFoundation.Git.Server"));
    }
    int skip = Math.max(0, call.intQuery("$skip").orElse(0));
    int top = Math.max(0, call.intQuery("$top").orElse(100));
    List<ObjectNode> page =
        all.stream().skip(skip).limit(top).map(p -> (ObjectNode) p.deepCopy()).toList();
    return Json.ok(Json.collection(page));
  }

  private Response refs(ApiCall call, Repository repository) {
    String filter = call.request().queryParameter("filter").orElse("");
    // {*filter} in the route works too, e.g. refs/heads/feature
    if (call.route().size() > 4) {
      filter = String.join("/", call.route().subList(4, call.route().size()));
    }
    String prefix = "refs/" + filter;
    List<GitContent.Branch> matching =
        git.branches(repository).stream().filter(b -> b.refName().startsWith(prefix)).toList();
    Optional<Integer> top = call.intQuery("$top");
    Optional<Integer> token = call.intQuery("continuationToken");
    if (top.filter(n -> n <= 0).isPresent() || token.filter(n -> n < 0).isPresent()) {
      // Wording and type unverified.
      return ErrorEnvelope.of(
          400,
          "The value specified for $top or continuationToken is not valid.",
          "Microsoft.TeamFoundation.SourceControl.WebServer.InvalidArgumentValueException,"
              + " Microsoft.TeamFoundation.SourceControl.WebServer");
    }
    int start = Math.min(matching.size(), token.orElse(0));
    int end = Math.min(matching.size(), start + Math.min(top.orElse(DEFAULT_TOP), DEFAULT_TOP));
    String repoUrl = repositoryUrl(call, repository);
    List<ObjectNode> page = new ArrayList<>();
    for (GitContent.Branch branch : matching.subList(start, end)) {
      ObjectNode ref = Json.object();
      ref.put("name", branch.refName());
      ref.put("objectId", branch.commitId());
      ref.set("creator", Json.identityRef(call.scope().user(), call.scope()));
      ref.put(
          "url",
          repoUrl + "/refs?filter=" + PathCodec.encodeSegment(branch.refName().substring(5)));
      page.add(ref);
    }
    Response response = Json.ok(Json.collection(page));
    return end < matching.size()
        ? response.withHeader("x-ms-continuationtoken", Integer.toString(end))
        : response;
  }

  private Response item(ApiCall call, Repository repository) {
    return new ItemResponse(git, call, repository, repositoryUrl(call, repository)).answer();
  }

  private Response createStatus(
      ApiCall call, Collection collection, Repository repository, String commitId) {
    if (!git.hasCommit(repository, commitId)) {
      return commitNotFound(commitId, repository);
    }
    JsonNode body = call.jsonObjectBody().orElse(null);
    if (body == null) {
      // Wording unverified.
      return ErrorEnvelope.of(
          400,
          "Value cannot be null.\r\nParameter name: gitCommitStatusToCreate",
          "System.ArgumentNullException, mscorlib");
    }
    String state = body.path("state").asText("");
    // The Node client sends GitStatusState as its number (0 notSet … 5 notApplicable).
    Optional<String> knownState =
        body.path("state").isInt()
            ? Optional.of(body.path("state").asInt())
                .filter(i -> i >= 0 && i < STATE_NUMBERS.size())
                .map(STATE_NUMBERS::get)
            : STATES.stream().filter(s -> s.equalsIgnoreCase(state)).findFirst();
    JsonNode context = body.path("context");
    if (knownState.isEmpty() || context.path("name").asText("").isBlank()) {
      // Wording unverified.
      return ErrorEnvelope.of(
          400,
          knownState.isEmpty()
              ? "The status state '" + state + "' is not valid."
              : "The status context name must be specified.",
          "Microsoft.TeamFoundation.SourceControl.WebServer.InvalidArgumentValueException,"
              + " Microsoft.TeamFoundation.SourceControl.WebServer");
    }
    ObjectNode status = Json.object();
    status.put("id", nextStatusId.getAndIncrement());
    status.put("state", knownState.get());
    if (body.hasNonNull("description")) {
      status.put("description", body.get("description").asText());
    }
    ObjectNode ctx = status.putObject("context");
    ctx.put("name", context.path("name").asText());
    if (context.hasNonNull("genre")) {
      ctx.put("genre", context.get("genre").asText());
    }
    String now = Json.timestamp(Instant.now());
    status.put("creationDate", now);
    status.put("updatedDate", now);
    status.set("createdBy", Json.identityRef(call.scope().user(), call.scope()));
    if (body.hasNonNull("targetUrl")) {
      status.put("targetUrl", body.get("targetUrl").asText());
    }
    status.put(
        "url",
        repositoryUrl(call, repository)
            + "/commits/"
            + commitId.toLowerCase(Locale.ROOT)
            + "/statuses/"
            + status.get("id").asInt());
    List<ObjectNode> list =
        statuses.computeIfAbsent(key(collection, repository, commitId), k -> new ArrayList<>());
    synchronized (list) {
      list.add(0, status);
    }
    return Response.json(201, Json.bytes(status));
  }

  private Response listStatuses(
      ApiCall call, Collection collection, Repository repository, String commitId) {
    if (!git.hasCommit(repository, commitId)) {
      return commitNotFound(commitId, repository);
    }
    List<ObjectNode> list = statuses.getOrDefault(key(collection, repository, commitId), List.of());
    List<ObjectNode> copy;
    synchronized (list) {
      copy = List.copyOf(list);
    }
    return Json.ok(Json.collection(copy));
  }

  private static String key(Collection collection, Repository repository, String commitId) {
    return collection.name() + "|" + repository.id() + "|" + commitId.toLowerCase(Locale.ROOT);
  }

  private static Response commitNotFound(String commitId, Repository repository) {
    // Wording and status unverified.
    return ErrorEnvelope.of(
        404,
        "TF401028: The commit "
            + commitId
            + " could not be found in the repository "
            + repository.name()
            + ".",
        "Microsoft.TeamFoundation.Git.Server.GitCommitDoesNotExistException,"
            + " Microsoft.TeamFoundation.Git.Server");
  }

  private static String repositoryUrl(ApiCall call, Repository repository) {
    return call.scope().baseUrl()
        + "/"
        + repository.project().id()
        + "/_apis/git/repositories/"
        + repository.id();
  }
}
