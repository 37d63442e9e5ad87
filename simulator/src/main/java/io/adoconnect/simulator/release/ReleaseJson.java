package io.adoconnect.simulator.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Scope;
import java.time.Instant;
import java.util.List;

/**
 * Release definitions and releases in the wire format of {@code release-definitions-list.json} and
 * {@code release.json}. URLs use the scope's base, which stands for the vsrm host ({@code
 * https://vsrm.dev.azure.com/{org}}) on Services and the collection itself on Server.
 */
final class ReleaseJson {
  private static final Instant DEFINITIONS_CREATED = Instant.parse("2024-01-08T09:00:00Z");

  private ReleaseJson() {}

  /**
   * A release definition; {@code lastRelease} (may be empty: then the field is left out, as for a
   * definition never released) is its newest release, as a ReleaseReference.
   */
  static ObjectNode definition(
      ReleaseDefinition definition,
      Scope scope,
      boolean withEnvironments,
      java.util.Optional<Release> lastRelease) {
    ObjectNode node = Json.object();
    node.put("source", "userInterface");
    node.put("id", definition.id());
    node.put("revision", 1);
    node.put("name", definition.name());
    node.putNull("description");
    node.set("createdBy", Json.identityRef(scope.user(), scope));
    node.put("createdOn", Json.timestamp(DEFINITIONS_CREATED));
    node.set("modifiedBy", Json.identityRef(scope.user(), scope));
    node.put("modifiedOn", Json.timestamp(DEFINITIONS_CREATED));
    node.put("path", "\\");
    node.put("releaseNameFormat", "Release-$(rev:r)");
    node.putArray("variableGroups");
    lastRelease.ifPresent(last -> node.set("lastRelease", lastRelease(last, scope)));
    if (withEnvironments) {
      ArrayNode environments = node.putArray("environments");
      List<String> stages = ReleaseDefinition.STAGES;
      for (int i = 0; i < stages.size(); i++) {
        ObjectNode environment = environments.addObject();
        environment.put("id", i + 1);
        environment.put("name", stages.get(i));
        environment.put("rank", i + 1);
      }
    }
    node.put("url", definitionUrl(definition, scope));
    node.set("_links", links(definitionUrl(definition, scope), webUrl(definition, scope)));
    node.putObject("properties");
    return node;
  }

  /** A ReleaseReference: what a definition says about its newest release. */
  private static ObjectNode lastRelease(Release release, Scope scope) {
    ObjectNode node = Json.object();
    node.put("id", release.id());
    node.put("name", release.name());
    node.putArray("artifacts");
    node.putNull("webAccessUri");
    node.putObject("_links");
    node.put("description", release.description() == null ? "" : release.description());
    ObjectNode definition = node.putObject("releaseDefinition");
    definition.put("id", release.definition().id());
    definition.putObject("_links");
    node.put("createdOn", Json.timestamp(release.createdOn()));
    node.set("createdBy", Json.identityRef(release.createdBy(), scope));
    node.putNull("modifiedBy");
    node.put("reason", "none");
    return node;
  }

  static ObjectNode release(Release release, Scope scope, Instant now, boolean withEnvironments) {
    ObjectNode node = Json.object();
    node.put("id", release.id());
    node.put("name", release.name());
    node.put("status", "active");
    node.put("createdOn", Json.timestamp(release.createdOn()));
    node.put("modifiedOn", Json.timestamp(release.createdOn()));
    node.set("modifiedBy", Json.identityRef(release.createdBy(), scope));
    node.set("createdBy", Json.identityRef(release.createdBy(), scope));
    if (withEnvironments) {
      ArrayNode environments = node.putArray("environments");
      List<String> stages = ReleaseDefinition.STAGES;
      for (int rank = 0; rank < stages.size(); rank++) {
        environments.add(environment(release, rank, scope, now));
      }
    }
    node.set("variables", release.variables() == null ? Json.object() : release.variables());
    node.putArray("variableGroups");
    node.putArray("artifacts").add(artifact(release, scope));
    node.set("releaseDefinition", definitionReference(release.definition(), scope));
    node.put("description", release.description() == null ? "" : release.description());
    node.put("reason", "manual");
    node.put("releaseNameFormat", "Release-$(rev:r)");
    node.put("keepForever", false);
    node.put("definitionSnapshotRevision", 1);
    node.put("logsContainerUrl", releaseUrl(release, scope) + "/logs");
    node.put("url", releaseUrl(release, scope));
    node.set(
        "_links",
        links(
            releaseUrl(release, scope),
            projectUrl(release.definition(), scope)
                + "/_release?releaseId="
                + release.id()
                + "&_a=release-summary"));
    node.putArray("tags");
    ObjectNode project = node.putObject("projectReference");
    project.put("id", release.definition().project().id().toString());
    project.put("name", release.definition().project().name());
    node.putObject("properties");
    return node;
  }

  private static ObjectNode environment(Release release, int rank, Scope scope, Instant now) {
    ObjectNode node = Json.object();
    node.put("id", release.id() * 100 + rank + 1);
    node.put("releaseId", release.id());
    node.put("name", ReleaseDefinition.STAGES.get(rank));
    node.put("status", release.stageStatus(rank, now));
    node.put("rank", rank + 1);
    node.put("definitionEnvironmentId", rank + 1);
    node.set("owner", Json.identityRef(release.createdBy(), scope));
    ObjectNode releaseRef = node.putObject("release");
    releaseRef.put("id", release.id());
    releaseRef.put("name", release.name());
    releaseRef.put("url", releaseUrl(release, scope));
    ObjectNode releaseLinks = releaseRef.putObject("_links");
    releaseLinks.putObject("self").put("href", releaseUrl(release, scope));
    releaseLinks
        .putObject("web")
        .put(
            "href",
            projectUrl(release.definition(), scope) + "/_release?releaseId=" + release.id());
    node.set("releaseDefinition", definitionReference(release.definition(), scope));
    node.put("createdOn", Json.timestamp(release.createdOn()));
    node.put("modifiedOn", Json.timestamp(release.stageModifiedOn(rank, now)));
    node.put("triggerReason", rank == 0 ? "After release" : "After successful deployment");
    node.putArray("preDeployApprovals");
    node.putArray("postDeployApprovals");
    node.putArray("deploySteps");
    node.putArray("conditions");
    return node;
  }

  private static ObjectNode artifact(Release release, Scope scope) {
    ReleaseDefinition definition = release.definition();
    ObjectNode node = Json.object();
    node.put("sourceId", definition.project().id() + ":" + definition.repository().id());
    node.put("type", "Git");
    node.put("alias", definition.artifactAlias());
    ObjectNode reference = node.putObject("definitionReference");
    ObjectNode repo = reference.putObject("definition");
    repo.put("id", definition.repository().id().toString());
    repo.put("name", definition.repository().name());
    ObjectNode project = reference.putObject("project");
    project.put("id", definition.project().id().toString());
    project.put("name", definition.project().name());
    ObjectNode version = reference.putObject("version");
    version.put("id", release.artifactVersion());
    version.put("name", release.artifactVersion());
    node.put("isPrimary", true);
    return node;
  }

  private static ObjectNode definitionReference(ReleaseDefinition definition, Scope scope) {
    ObjectNode node = Json.object();
    node.put("id", definition.id());
    node.put("name", definition.name());
    node.put("url", definitionUrl(definition, scope));
    node.set("_links", links(definitionUrl(definition, scope), webUrl(definition, scope)));
    return node;
  }

  private static ObjectNode links(String self, String web) {
    ObjectNode links = Json.object();
    links.putObject("self").put("href", self);
    links.putObject("web").put("href", web);
    return links;
  }

  private static String projectUrl(ReleaseDefinition definition, Scope scope) {
    return scope.baseUrl() + "/" + definition.project().id();
  }

  private static String definitionUrl(ReleaseDefinition definition, Scope scope) {
    return projectUrl(definition, scope) + "/_apis/Release/definitions/" + definition.id();
  }

  private static String webUrl(ReleaseDefinition definition, Scope scope) {
    return projectUrl(definition, scope) + "/_release?definitionId=" + definition.id();
  }

  private static String releaseUrl(Release release, Scope scope) {
    return projectUrl(release.definition(), scope) + "/_apis/Release/releases/" + release.id();
  }
}
