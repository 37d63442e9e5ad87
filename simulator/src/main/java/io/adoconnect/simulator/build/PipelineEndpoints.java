package io.adoconnect.simulator.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Deployment;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.git.GitContent;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.projects.ProjectJson;
import io.adoconnect.simulator.versioning.VersionPolicy;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Pipelines area, under {@code {base}/{project}/_apis/pipelines}: the build definitions seen as
 * YAML pipelines (same ids), and their builds seen as runs (same ids).
 *
 * <ul>
 *   <li>{@code GET pipelines?$top=&continuationToken=}, {@code GET pipelines/{id}};
 *   <li>{@code POST pipelines/{id}/runs} {@code {"resources":{"repositories":{"self":{"refName":
 *       …}}},"templateParameters":{…},"variables":{"name":{"value":…,"isSecret":…}}}};
 *   <li>{@code GET pipelines/{id}/runs} (newest first, no paging), {@code GET
 *       pipelines/{id}/runs/{runId}}.
 * </ul>
 *
 * On Azure DevOps Server 2020 the area is preview-only: a released api-version is refused.
 */
public final class PipelineEndpoints implements AreaHandler {
  private final BuildDefinitions definitions;
  private final BuildQueue queue;
  private final BuildStarter starter;

  public PipelineEndpoints(BuildDefinitions definitions, BuildQueue queue, GitContent git) {
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
        || route.isEmpty()
        || route.size() > 4
        || !route.get(0).equalsIgnoreCase("pipelines")
        || (route.size() >= 3 && !route.get(2).equalsIgnoreCase("runs"))) {
      return Optional.empty();
    }
    boolean post = call.request().method().equals("POST");
    if (!(call.isGet() || (post && route.size() == 3))) {
      return Optional.empty();
    }
    Optional<Response> preview =
        VersionPolicy.requirePreview(
            call.request().apiVersion(), call.scope().deployment(), Deployment.SERVER);
    if (preview.isPresent()) {
      return preview;
    }
    Optional<Project> project = ProjectCall.project(call);
    if (project.isEmpty()) {
      return Optional.of(ProjectJson.notFound(call.project()));
    }
    List<BuildDefinition> all = definitions.of(collection, project.get());
    if (route.size() == 1) {
      return Optional.of(
          BuildEndpoints.page(
              call,
              all,
              BuildDefinition::id,
              true,
              d -> BuildJson.pipeline(call.scope(), d, true)));
    }
    OptionalInt id = ProjectCall.id(route.get(1));
    Optional<BuildDefinition> pipeline =
        id.isEmpty()
            ? Optional.empty()
            : definitions.find(collection, project.get(), id.getAsInt());
    if (pipeline.isEmpty()) {
      return Optional.of(BuildErrors.pipelineNotFound(route.get(1)));
    }
    if (route.size() == 2) {
      return Optional.of(Json.ok(BuildJson.pipeline(call.scope(), pipeline.get(), true)));
    }
    if (post) {
      return Optional.of(run(call, pipeline.get()));
    }
    List<QueuedBuild> runs =
        queue.builds(collection, project.get()).stream()
            .filter(b -> b.definition().id() == pipeline.get().id())
            .sorted(Comparator.comparingInt(QueuedBuild::id).reversed())
            .toList();
    if (route.size() == 3) {
      return Optional.of(Json.ok(Json.collection(runs.stream().map(BuildJson::run).toList())));
    }
    OptionalInt runId = ProjectCall.id(route.get(3));
    return Optional.of(
        runs.stream()
            .filter(b -> runId.isPresent() && b.id() == runId.getAsInt())
            .findFirst()
            .map(b -> Json.ok(BuildJson.run(b)))
            .orElseGet(() -> BuildErrors.buildNotFound(route.get(3))));
  }

  private Response run(ApiCall call, BuildDefinition pipeline) {
    ObjectNode body = call.jsonObjectBody().orElse(Json.object());
    JsonNode self = body.path("resources").path("repositories").path("self");
    String refName = self.path("refName").asText(null);
    ObjectNode templateParameters =
        body.path("templateParameters").isObject()
            ? (ObjectNode) body.get("templateParameters")
            : ProjectCall.none();
    ObjectNode variables = Json.object();
    JsonNode given = body.path("variables");
    if (given.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> variable = it.next();
        ObjectNode value = variables.putObject(variable.getKey());
        boolean secret = variable.getValue().path("isSecret").asBoolean(false);
        // Secret values are never echoed back (unverified for runs; true of variable groups).
        if (!secret) {
          value.put("value", variable.getValue().path("value").asText(""));
        }
        value.put("isSecret", secret);
      }
    }
    BuildStarter.Started started =
        starter.start(call, pipeline, refName, null, templateParameters, variables);
    if (started.error() != null) {
      return started.error();
    }
    return Json.ok(BuildJson.run(started.build()));
  }
}
