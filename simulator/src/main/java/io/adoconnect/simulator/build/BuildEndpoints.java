package io.adoconnect.simulator.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.git.GitContent;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.projects.ProjectJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The Build area, under {@code {base}/{project}/_apis/build/}:
 *
 * <ul>
 *   <li>{@code POST builds} — queue: {@code {"definition":{"id":N},"sourceBranch":…,
 *       "parameters":"{json string}","templateParameters":{…}}} (or {@code ?definitionId=}); 404
 *       for an unknown definition, 400 {@code BuildRequestValidationFailedException} for an unknown
 *       branch;
 *   <li>{@code GET builds?definitions=&branchName=&statusFilter=&resultFilter=&queryOrder=&$top=
 *       &continuationToken=} — newest first unless {@code queryOrder} says ascending; the next
 *       token (the id to continue from) in {@code x-ms-continuationtoken};
 *   <li>{@code GET builds/{id}};
 *   <li>{@code GET builds/{id}/logs} and {@code GET builds/{id}/logs/{logId}?startLine=&endLine=}
 *       (text for {@code Accept: text/plain}, else a JSON array of lines) — see {@link BuildLogs};
 *   <li>{@code GET definitions?name=&$top=&continuationToken=&includeAllProperties=} — {@code name}
 *       matches case-insensitively, {@code *} as wildcard; and {@code GET definitions/{id}}.
 * </ul>
 *
 * Status and result filters and query orders are accepted as names or as the numbers Microsoft's
 * clients send for them.
 */
public final class BuildEndpoints implements AreaHandler {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_TOP = 1000;
  // BuildStatus and BuildResult flag values, BuildQueryOrder values (Build WebApi enums).
  private static final Map<Integer, String> STATUS_FLAGS =
      Map.of(1, "inProgress", 2, "completed", 4, "cancelling", 8, "postponed", 32, "notStarted");
  private static final Map<Integer, String> RESULT_FLAGS =
      Map.of(2, "succeeded", 4, "partiallySucceeded", 8, "failed", 32, "canceled");
  private static final Set<String> ASCENDING =
      Set.of("queuetimeascending", "starttimeascending", "finishtimeascending", "2", "5", "7");

  private final BuildDefinitions definitions;
  private final BuildQueue queue;
  private final BuildStarter starter;

  public BuildEndpoints(BuildDefinitions definitions, BuildQueue queue, GitContent git) {
    this.definitions = definitions;
    this.queue = queue;
    this.starter = new BuildStarter(queue, git);
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    List<String> route = call.route();
    Collection collection = call.scope().collection();
    if (collection == null
        || call.project() == null
        || route.size() < 2
        || route.size() > 5
        || !route.get(0).equalsIgnoreCase("build")) {
      return Optional.empty();
    }
    if (route.size() > 3) {
      return logs(call, collection, route);
    }
    String resource = route.get(1).toLowerCase(Locale.ROOT);
    boolean post = call.request().method().equals("POST");
    boolean builds = resource.equals("builds") && (call.isGet() || (post && route.size() == 2));
    boolean defs = resource.equals("definitions") && call.isGet();
    if (!builds && !defs) {
      return Optional.empty();
    }
    Optional<Project> project = ProjectCall.project(call);
    if (project.isEmpty()) {
      return Optional.of(ProjectJson.notFound(call.project()));
    }
    if (defs) {
      return Optional.of(
          route.size() == 3
              ? definition(call, collection, project.get(), route.get(2))
              : definitions(call, collection, project.get()));
    }
    if (post) {
      return Optional.of(queueBuild(call, collection, project.get()));
    }
    return Optional.of(
        route.size() == 3
            ? build(collection, project.get(), route.get(2))
            : list(call, collection, project.get()));
  }

  private Response definitions(ApiCall call, Collection collection, Project project) {
    Optional<Pattern> name =
        call.request()
            .queryParameter("name")
            .filter(n -> !n.isBlank())
            .map(BuildEndpoints::wildcard);
    boolean full =
        call.request().queryParameter("includeAllProperties").orElse("").equalsIgnoreCase("true");
    List<BuildDefinition> matching =
        definitions.of(collection, project).stream()
            .filter(d -> name.isEmpty() || name.get().matcher(d.name()).matches())
            .toList();
    return page(
        call,
        matching,
        BuildDefinition::id,
        true,
        d -> BuildJson.definitionReference(call.scope(), d, full));
  }

  private Response definition(ApiCall call, Collection collection, Project project, String id) {
    OptionalInt parsed = ProjectCall.id(id);
    Optional<BuildDefinition> found =
        parsed.isEmpty()
            ? Optional.empty()
            : definitions.find(collection, project, parsed.getAsInt());
    return found
        .map(d -> Json.ok(BuildJson.definitionReference(call.scope(), d, true)))
        .orElseGet(() -> BuildErrors.definitionNotFound(id));
  }

  private Response queueBuild(ApiCall call, Collection collection, Project project) {
    ObjectNode body = call.jsonObjectBody().orElse(Json.object());
    String definitionId =
        body.path("definition").hasNonNull("id")
            ? body.path("definition").path("id").asText()
            : call.request().queryParameter("definitionId").orElse("");
    if (definitionId.isBlank()) {
      // Wording unverified.
      return BuildErrors.badRequest("A build definition id must be specified.");
    }
    OptionalInt id = ProjectCall.id(definitionId);
    Optional<BuildDefinition> definition =
        id.isEmpty() ? Optional.empty() : definitions.find(collection, project, id.getAsInt());
    if (definition.isEmpty()) {
      return BuildErrors.definitionNotFound(definitionId);
    }
    String parameters = null;
    JsonNode raw = body.path("parameters");
    if (raw.isTextual() && !raw.asText().isBlank()) {
      try {
        JsonNode parsed = MAPPER.readTree(raw.asText());
        if (parsed == null || !parsed.isObject()) {
          throw new IOException("not an object");
        }
      } catch (IOException e) {
        // Wording unverified.
        return BuildErrors.badRequest(
            "The parameters value must be a JSON object serialized as a string.");
      }
      parameters = raw.asText();
    }
    ObjectNode templateParameters =
        body.path("templateParameters").isObject()
            ? (ObjectNode) body.get("templateParameters")
            : ProjectCall.none();
    BuildStarter.Started started =
        starter.start(
            call,
            definition.get(),
            body.path("sourceBranch").asText(null),
            parameters,
            templateParameters,
            ProjectCall.none());
    return started.error() != null ? started.error() : Json.ok(BuildJson.build(started.build()));
  }

  /** {@code GET builds/{id}/logs} and {@code GET builds/{id}/logs/{logId}}. */
  private Optional<Response> logs(ApiCall call, Collection collection, List<String> route) {
    if (!call.isGet()
        || !route.get(1).equalsIgnoreCase("builds")
        || !route.get(3).equalsIgnoreCase("logs")) {
      return Optional.empty();
    }
    Optional<Project> project = ProjectCall.project(call);
    if (project.isEmpty()) {
      return Optional.of(ProjectJson.notFound(call.project()));
    }
    OptionalInt id = ProjectCall.id(route.get(2));
    Optional<QueuedBuild> build =
        id.isEmpty() ? Optional.empty() : queue.find(collection, project.get(), id.getAsInt());
    if (build.isEmpty()) {
      return Optional.of(BuildErrors.buildNotFound(route.get(2)));
    }
    String buildUrl = BuildJson.build(build.get()).path("url").asText();
    if (route.size() == 4) {
      return Optional.of(BuildLogs.list(build.get(), buildUrl));
    }
    List<List<String>> logs = BuildLogs.of(build.get());
    OptionalInt logId = ProjectCall.id(route.get(4));
    if (logId.isEmpty() || logId.getAsInt() < 1 || logId.getAsInt() > logs.size()) {
      return Optional.of(BuildErrors.logNotFound(route.get(4), route.get(2)));
    }
    boolean text =
        call.request().header("Accept").orElse("").toLowerCase(Locale.ROOT).contains("text/plain");
    return Optional.of(
        BuildLogs.one(
            logs.get(logId.getAsInt() - 1), line(call, "startLine"), line(call, "endLine"), text));
  }

  private static Integer line(ApiCall call, String name) {
    return call.request()
        .queryParameter(name)
        .map(ProjectCall::id)
        .filter(OptionalInt::isPresent)
        .map(OptionalInt::getAsInt)
        .orElse(null);
  }

  private Response build(Collection collection, Project project, String id) {
    OptionalInt parsed = ProjectCall.id(id);
    return (parsed.isEmpty()
            ? Optional.<QueuedBuild>empty()
            : queue.find(collection, project, parsed.getAsInt()))
        .map(b -> Json.ok(BuildJson.build(b)))
        .orElseGet(() -> BuildErrors.buildNotFound(id));
  }

  private Response list(ApiCall call, Collection collection, Project project) {
    Predicate<QueuedBuild> filter = b -> true;
    Optional<String> ids = call.request().queryParameter("definitions").filter(v -> !v.isBlank());
    if (ids.isPresent()) {
      Set<String> wanted =
          Set.copyOf(Arrays.stream(ids.get().split(",")).map(String::trim).toList());
      filter = filter.and(b -> wanted.contains(Integer.toString(b.definition().id())));
    }
    Optional<String> branch = call.request().queryParameter("branchName").filter(v -> !v.isBlank());
    if (branch.isPresent()) {
      String ref = branch.get().startsWith("refs/") ? branch.get() : "refs/heads/" + branch.get();
      filter = filter.and(b -> b.sourceBranch().equalsIgnoreCase(ref));
    }
    Optional<Set<String>> statuses = flags(call, "statusFilter", STATUS_FLAGS);
    if (statuses.isPresent() && !statuses.get().contains("all")) {
      filter = filter.and(b -> statuses.get().contains(b.status().toLowerCase(Locale.ROOT)));
    }
    Optional<Set<String>> results = flags(call, "resultFilter", RESULT_FLAGS);
    if (results.isPresent()) {
      filter =
          filter.and(
              b ->
                  b.result() != null
                      && results.get().contains(b.result().toLowerCase(Locale.ROOT)));
    }
    boolean ascending =
        ASCENDING.contains(
            call.request().queryParameter("queryOrder").orElse("").toLowerCase(Locale.ROOT));
    Comparator<QueuedBuild> order = Comparator.comparingInt(QueuedBuild::id);
    List<QueuedBuild> matching =
        queue.builds(collection, project).stream()
            .filter(filter)
            .sorted(ascending ? order : order.reversed())
            .toList();
    return page(call, matching, QueuedBuild::id, ascending, BuildJson::build);
  }

  /**
   * One page of {@code items} (already in order) from the item whose id is the continuation token
   * on; the next page's first id goes in {@code x-ms-continuationtoken}.
   */
  static <T> Response page(
      ApiCall call,
      List<T> items,
      java.util.function.ToIntFunction<T> id,
      boolean ascending,
      java.util.function.Function<T, ObjectNode> json) {
    Optional<Integer> top = call.intQuery("$top");
    Optional<Integer> token = call.intQuery("continuationToken");
    if (top.filter(n -> n <= 0).isPresent() || token.filter(n -> n < 0).isPresent()) {
      // Wording unverified.
      return BuildErrors.badRequest(
          "The value specified for $top or continuationToken is not valid.");
    }
    List<T> from =
        token.isEmpty()
            ? items
            : items.stream()
                .filter(
                    i ->
                        ascending
                            ? id.applyAsInt(i) >= token.get()
                            : id.applyAsInt(i) <= token.get())
                .toList();
    int size = Math.min(top.orElse(MAX_TOP), MAX_TOP);
    List<ObjectNode> page = new ArrayList<>();
    for (T item : from.subList(0, Math.min(size, from.size()))) {
      page.add(json.apply(item));
    }
    Response response = Json.ok(Json.collection(page));
    return from.size() > size
        ? response.withHeader(
            "x-ms-continuationtoken", Integer.toString(id.applyAsInt(from.get(size))))
        : response;
  }

  /** Names (comma-separated) or a number of OR-ed flags, lower-cased; empty when absent. */
  private static Optional<Set<String>> flags(
      ApiCall call, String parameter, Map<Integer, String> flags) {
    Optional<String> raw = call.request().queryParameter(parameter).filter(v -> !v.isBlank());
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String value = raw.get().trim();
    if (value.chars().allMatch(Character::isDigit)) {
      int bits = Integer.parseInt(value);
      if (bits == 0) {
        return Optional.empty();
      }
      Set<String> names = new java.util.HashSet<>();
      flags.forEach(
          (bit, name) -> {
            if ((bits & bit) != 0) {
              names.add(name.toLowerCase(Locale.ROOT));
            }
          });
      return Optional.of(names);
    }
    return Optional.of(
        Set.copyOf(
            Arrays.stream(value.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList()));
  }

  /** Azure DevOps' name filter: case-insensitive, {@code *} matches anything. */
  private static Pattern wildcard(String filter) {
    StringBuilder regex = new StringBuilder();
    for (String part : filter.split("\\*", -1)) {
      if (regex.length() > 0 || filter.startsWith("*")) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
