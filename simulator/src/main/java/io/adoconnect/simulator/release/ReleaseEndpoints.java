package io.adoconnect.simulator.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.projects.ProjectJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Classic releases, under {@code {vsrm}/{project}/_apis/release/} (the vsrm host is the simulator's
 * one base URL, so {@code vsrm/{org}} = {@code {base}/{org}}; on Server it is the collection):
 *
 * <ul>
 *   <li>{@code GET definitions[?searchText=&isExactNameMatch=&$expand=environments&$top=
 *       &continuationToken=]} — ids ascending; the next page's first id in {@code
 *       x-ms-continuationtoken};
 *   <li>{@code POST releases} with a {@code ReleaseStartMetadata} ({@code definitionId}, {@code
 *       description}, {@code artifacts[].alias/instanceReference.id}, {@code variables});
 *   <li>{@code GET releases[?definitionId=&$top=(50)&continuationToken=&$expand=environments]} —
 *       newest first;
 *   <li>{@code GET releases/{id}} — with its environments, whose status follows {@link
 *       ReleaseStore}'s clock.
 * </ul>
 */
public final class ReleaseEndpoints implements AreaHandler {
  private static final int DEFAULT_RELEASES_TOP = 50;
  private static final String RELEASE_DATA =
      "Microsoft.VisualStudio.Services.ReleaseManagement.Data.Exceptions.";
  private static final String RELEASE_ASSEMBLY =
      ", Microsoft.VisualStudio.Services.ReleaseManagement2.Data";

  private final ReleaseStore store;

  public ReleaseEndpoints(ReleaseStore store) {
    this.store = store;
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    Collection collection = call.scope().collection();
    List<String> route = call.route();
    if (collection == null
        || call.project() == null
        || route.size() < 2
        || route.size() > 3
        || !route.get(0).equalsIgnoreCase("release")) {
      return Optional.empty();
    }
    String resource = route.get(1).toLowerCase(Locale.ROOT);
    String method = call.request().method();
    boolean definitions = resource.equals("definitions") && route.size() == 2 && call.isGet();
    boolean list = resource.equals("releases") && route.size() == 2 && call.isGet();
    boolean create = resource.equals("releases") && route.size() == 2 && method.equals("POST");
    boolean get = resource.equals("releases") && route.size() == 3 && call.isGet();
    if (!definitions && !list && !create && !get) {
      return Optional.empty();
    }
    Optional<Project> project = collection.project(call.project());
    if (project.isEmpty()) {
      return Optional.of(ProjectJson.notFound(call.project()));
    }
    if (definitions) {
      return Optional.of(definitions(call, collection, project.get()));
    }
    if (list) {
      return Optional.of(list(call, collection, project.get()));
    }
    if (create) {
      return Optional.of(create(call, collection, project.get()));
    }
    return Optional.of(get(call, collection, project.get(), route.get(2)));
  }

  private Response definitions(ApiCall call, Collection collection, Project project) {
    Optional<String> search = call.request().queryParameter("searchText").filter(s -> !s.isBlank());
    boolean exact =
        call.request().queryParameter("isExactNameMatch").orElse("").equalsIgnoreCase("true");
    Optional<Integer> top = call.intQuery("$top");
    Optional<Integer> from = call.intQuery("continuationToken");
    if (top.filter(n -> n <= 0).isPresent() || from.filter(n -> n < 0).isPresent()) {
      return invalidPaging();
    }
    List<ReleaseDefinition> matching =
        store.definitions(collection).stream()
            .filter(d -> d.project().id().equals(project.id()))
            .filter(d -> search.map(s -> matches(d.name(), s, exact)).orElse(true))
            .filter(d -> d.id() >= from.orElse(0))
            .toList();
    int end = Math.min(matching.size(), top.orElse(Integer.MAX_VALUE));
    boolean environments = expandsEnvironments(call);
    List<Release> newestFirst = store.newestFirst(collection);
    List<ObjectNode> page = new ArrayList<>();
    for (ReleaseDefinition definition : matching.subList(0, end)) {
      Optional<Release> last =
          newestFirst.stream().filter(r -> r.definition().id() == definition.id()).findFirst();
      page.add(ReleaseJson.definition(definition, call.scope(), environments, last));
    }
    Response response = Json.ok(Json.collection(page));
    return end < matching.size()
        ? response.withHeader("x-ms-continuationtoken", Integer.toString(matching.get(end).id()))
        : response;
  }

  private Response list(ApiCall call, Collection collection, Project project) {
    Optional<Integer> definitionId = call.intQuery("definitionId");
    Optional<Integer> top = call.intQuery("$top");
    Optional<Integer> from = call.intQuery("continuationToken");
    if (top.filter(n -> n <= 0).isPresent()
        || from.filter(n -> n < 0).isPresent()
        || definitionId.filter(n -> n < 0).isPresent()) {
      return invalidPaging();
    }
    List<Release> matching =
        store.newestFirst(collection).stream()
            .filter(r -> r.definition().project().id().equals(project.id()))
            .filter(r -> definitionId.map(id -> r.definition().id() == id).orElse(true))
            .filter(r -> from.map(id -> r.id() <= id).orElse(true))
            .toList();
    int end = Math.min(matching.size(), top.orElse(DEFAULT_RELEASES_TOP));
    boolean environments = expandsEnvironments(call);
    Instant now = store.now();
    List<ObjectNode> page = new ArrayList<>();
    for (Release release : matching.subList(0, end)) {
      page.add(ReleaseJson.release(release, call.scope(), now, environments));
    }
    Response response = Json.ok(Json.collection(page));
    return end < matching.size()
        ? response.withHeader("x-ms-continuationtoken", Integer.toString(matching.get(end).id()))
        : response;
  }

  private Response create(ApiCall call, Collection collection, Project project) {
    JsonNode body = call.jsonObjectBody().orElse(null);
    if (body == null) {
      // Wording unverified.
      return ErrorEnvelope.of(
          400,
          "Value cannot be null.\r\nParameter name: releaseStartMetadata",
          "System.ArgumentNullException, mscorlib");
    }
    int definitionId = body.path("definitionId").asInt(0);
    Optional<ReleaseDefinition> definition =
        store.definitions(collection).stream()
            .filter(d -> d.id() == definitionId && d.project().id().equals(project.id()))
            .findFirst();
    if (definition.isEmpty()) {
      // Status, wording and type unverified.
      return ErrorEnvelope.of(
          404,
          "Release definition with id "
              + definitionId
              + " does not exist in project "
              + project.name()
              + ".",
          RELEASE_DATA + "ReleaseDefinitionNotFoundException" + RELEASE_ASSEMBLY);
    }
    String version =
        Optional.ofNullable(definition.get().repository().defaultBranch())
            .orElse("refs/heads/main");
    for (JsonNode artifact : body.path("artifacts")) {
      String alias = artifact.path("alias").asText("");
      if (!alias.equals(definition.get().artifactAlias())) {
        // Wording unverified.
        return ErrorEnvelope.of(
            400,
            "Artifact with alias '"
                + alias
                + "' is not present in release definition '"
                + definition.get().name()
                + "'.",
            RELEASE_DATA + "InvalidRequestException" + RELEASE_ASSEMBLY);
      }
      String instance = artifact.path("instanceReference").path("id").asText("");
      if (!instance.isBlank()) {
        version = instance;
      }
    }
    JsonNode variables = body.path("variables").isObject() ? body.get("variables") : null;
    String description =
        body.path("description").isTextual() ? body.get("description").asText() : null;
    Release release =
        store.create(
            collection,
            definition.get(),
            new ReleaseInput(description, version, variables, call.scope().user()));
    return Json.ok(ReleaseJson.release(release, call.scope(), store.now(), true));
  }

  private Response get(ApiCall call, Collection collection, Project project, String idText) {
    int id;
    try {
      id = Integer.parseInt(idText);
    } catch (NumberFormatException e) {
      id = -1;
    }
    Optional<Release> release =
        store.get(collection, id).filter(r -> r.definition().project().id().equals(project.id()));
    if (release.isEmpty()) {
      // Wording unverified.
      return ErrorEnvelope.of(
          404,
          "Release with id " + idText + " does not exist.",
          RELEASE_DATA + "ReleaseNotFoundException" + RELEASE_ASSEMBLY);
    }
    return Json.ok(ReleaseJson.release(release.get(), call.scope(), store.now(), true));
  }

  private static boolean matches(String name, String search, boolean exact) {
    String lower = name.toLowerCase(Locale.ROOT);
    String wanted = search.toLowerCase(Locale.ROOT);
    return exact ? lower.equals(wanted) : lower.contains(wanted);
  }

  /**
   * Whether {@code $expand} asks for environments: by name ({@code environments,artifacts}) or as
   * the flags number Microsoft's clients send ({@code ReleaseExpands.Environments} = 2).
   */
  private static boolean expandsEnvironments(ApiCall call) {
    String expand = call.request().queryParameter("$expand").orElse("").trim();
    if (expand.matches("\\d{1,9}")) {
      return (Integer.parseInt(expand) & 2) != 0;
    }
    return expand.toLowerCase(Locale.ROOT).contains("environments");
  }

  private static Response invalidPaging() {
    // Wording unverified.
    return ErrorEnvelope.of(
        400,
        "The value specified for $top, continuationToken or definitionId is not valid.",
        RELEASE_DATA + "InvalidRequestException" + RELEASE_ASSEMBLY);
  }
}
