package io.adoconnect.simulator.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Scope;
import io.adoconnect.simulator.projects.ProjectJson;
import java.time.Instant;

/**
 * Build, definition, pipeline and run JSON with the fields of {@code build.json} and {@code
 * pipeline-run.constructed.json}.
 */
final class BuildJson {
  private static final Instant DEFINITIONS_CREATED = Instant.parse("2024-02-01T09:30:00Z");

  private BuildJson() {}

  /** A {@code Build}, as queue, get, list and the {@code build.complete} event show it. */
  static ObjectNode build(QueuedBuild b) {
    Scope scope = b.scope();
    String projectBase = projectBase(scope, b.definition());
    String self = projectBase + "/_apis/build/Builds/" + b.id();
    ObjectNode node = Json.object();
    ObjectNode links = node.putObject("_links");
    links.putObject("self").put("href", self);
    links.putObject("web").put("href", webUrl(scope, b));
    links.putObject("timeline").put("href", self + "/Timeline");
    links.putObject("sourceVersionDisplayUri").put("href", self + "/sources");
    node.put("id", b.id());
    node.put("url", self);
    node.set("definition", definitionReference(scope, b.definition(), false));
    node.put("buildNumber", b.buildNumber());
    node.set("project", ProjectJson.reference(b.definition().project(), scope, true));
    node.put("uri", "vstfs:///Build/Build/" + b.id());
    node.put("sourceBranch", b.sourceBranch());
    node.put("sourceVersion", b.sourceVersion());
    node.put("status", b.status());
    ObjectNode queue = node.putObject("queue");
    queue.put("id", 1);
    queue.put("name", "Azure Pipelines");
    ObjectNode pool = queue.putObject("pool");
    pool.put("id", 1);
    pool.put("name", "Azure Pipelines");
    node.put("queueTime", Json.timestamp(b.queueTime()));
    node.put("priority", "normal");
    if (!b.status().equals("notStarted")) {
      node.put("startTime", Json.timestamp(b.plannedStart()));
    }
    if (b.completed()) {
      node.put("finishTime", Json.timestamp(b.plannedFinish()));
      node.put("result", b.result());
    }
    node.put("reason", "manual");
    node.set("requestedFor", Json.identityRef(b.requestedBy(), scope));
    node.set("requestedBy", Json.identityRef(b.requestedBy(), scope));
    node.put("lastChangedDate", Json.timestamp(b.completed() ? b.plannedFinish() : b.queueTime()));
    node.set("lastChangedBy", Json.identityRef(b.requestedBy(), scope));
    node.putArray("tags");
    if (!b.status().equals("notStarted")) {
      node.putObject("orchestrationPlan")
          .put(
              "planId",
              java.util
                  .UUID
                  .nameUUIDFromBytes(self.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                  .toString());
    }
    if (b.parameters() != null) {
      node.put("parameters", b.parameters());
    }
    if (!b.templateParameters().isEmpty()) {
      node.set("templateParameters", b.templateParameters());
    }
    ObjectNode logs = node.putObject("logs");
    logs.put("id", 0);
    logs.put("type", "Container");
    logs.put("url", self + "/logs");
    ObjectNode repository = node.putObject("repository");
    repository.put("id", b.definition().repository().id().toString());
    repository.put("type", "TfsGit");
    repository.put("name", b.definition().repository().name());
    repository.putNull("clean");
    repository.put("checkoutSubmodules", false);
    node.put("keepForever", false);
    node.put("retainedByRelease", false);
    return node;
  }

  /** A {@code Run}: the same build seen through the Pipelines API. */
  static ObjectNode run(QueuedBuild b) {
    Scope scope = b.scope();
    BuildDefinition d = b.definition();
    String projectBase = projectBase(scope, d);
    String self = projectBase + "/_apis/pipelines/" + d.id() + "/runs/" + b.id();
    ObjectNode node = Json.object();
    ObjectNode links = node.putObject("_links");
    links.putObject("self").put("href", self);
    links.putObject("web").put("href", webUrl(scope, b));
    links
        .putObject("pipeline.web")
        .put("href", projectBase + "/_build/definition?definitionId=" + d.id());
    links.putObject("pipeline").put("href", pipelineUrl(scope, d));
    node.set("templateParameters", b.templateParameters());
    node.set("pipeline", pipeline(scope, d, false));
    // A run waiting for an agent is already inProgress: runs have no notStarted state.
    node.put("state", b.completed() ? "completed" : "inProgress");
    if (b.completed()) {
      node.put("result", b.result());
    }
    node.put("createdDate", Json.timestamp(b.queueTime()));
    if (b.completed()) {
      node.put("finishedDate", Json.timestamp(b.plannedFinish()));
    }
    node.put("url", self);
    ObjectNode self_ = node.putObject("resources").putObject("repositories").putObject("self");
    ObjectNode repository = self_.putObject("repository");
    repository.put("id", d.repository().id().toString());
    repository.put("type", "azureReposGit");
    self_.put("refName", b.sourceBranch());
    self_.put("version", b.sourceVersion());
    if (!b.variables().isEmpty()) {
      node.set("variables", b.variables());
    }
    node.put("id", b.id());
    node.put("name", b.buildNumber());
    return node;
  }

  /**
   * A {@code BuildDefinitionReference}; {@code full} adds the repository and the YAML process, as
   * {@code includeAllProperties=true} and the single-definition GET do.
   */
  static ObjectNode definitionReference(Scope scope, BuildDefinition d, boolean full) {
    String projectBase = projectBase(scope, d);
    ObjectNode node = Json.object();
    if (full) {
      ObjectNode links = node.putObject("_links");
      links
          .putObject("self")
          .put(
              "href",
              projectBase + "/_apis/build/Definitions/" + d.id() + "?revision=" + d.revision());
      links.putObject("web").put("href", projectBase + "/_build/definition?definitionId=" + d.id());
      node.put("quality", "definition");
      node.put("createdDate", Json.timestamp(DEFINITIONS_CREATED));
      ObjectNode queue = node.putObject("queue");
      queue.put("id", 1);
      queue.put("name", "Azure Pipelines");
    }
    node.put("id", d.id());
    node.put("name", d.name());
    node.put(
        "url", projectBase + "/_apis/build/Definitions/" + d.id() + "?revision=" + d.revision());
    node.put("uri", "vstfs:///Build/Definition/" + d.id());
    node.put("path", d.path());
    node.put("type", "build");
    node.put("queueStatus", "enabled");
    node.put("revision", d.revision());
    node.set("project", ProjectJson.reference(d.project(), scope, true));
    if (full) {
      ObjectNode repository = node.putObject("repository");
      repository.put("id", d.repository().id().toString());
      repository.put("type", "TfsGit");
      repository.put("name", d.repository().name());
      repository.put(
          "url",
          scope.baseUrl()
              + "/"
              + d.project().id()
              + "/_apis/git/repositories/"
              + d.repository().id());
      repository.put("defaultBranch", d.repository().defaultBranch());
      repository.putNull("clean");
      repository.put("checkoutSubmodules", false);
      ObjectNode process = node.putObject("process");
      process.put("yamlFilename", "azure-pipelines.yml");
      process.put("type", 2);
    }
    return node;
  }

  /** A {@code Pipeline}; {@code withLinks} for list and get, without inside a run. */
  static ObjectNode pipeline(Scope scope, BuildDefinition d, boolean withLinks) {
    ObjectNode node = Json.object();
    if (withLinks) {
      ObjectNode links = node.putObject("_links");
      links.putObject("self").put("href", pipelineUrl(scope, d));
      links
          .putObject("web")
          .put("href", projectBase(scope, d) + "/_build/definition?definitionId=" + d.id());
    }
    node.put("url", pipelineUrl(scope, d));
    node.put("id", d.id());
    node.put("revision", d.revision());
    node.put("name", d.name());
    node.put("folder", d.path());
    return node;
  }

  private static String pipelineUrl(Scope scope, BuildDefinition d) {
    return projectBase(scope, d) + "/_apis/pipelines/" + d.id() + "?revision=" + d.revision();
  }

  private static String webUrl(Scope scope, QueuedBuild b) {
    return projectBase(scope, b.definition()) + "/_build/results?buildId=" + b.id();
  }

  private static String projectBase(Scope scope, BuildDefinition d) {
    return scope.baseUrl() + "/" + d.project().id();
  }
}
