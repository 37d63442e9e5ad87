package io.adoconnect.builds;

import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.devops.Organization;
import io.adoconnect.devops.ProjectNotFound;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Paged;
import io.adoconnect.http.Urls;
import java.util.List;
import java.util.Optional;

/**
 * Azure DevOps Build REST area, in one project: definitions, queueing, reading and listing builds.
 * Reads need Build (Read), queueing Build (Read & execute). Front-ends reach it through {@link
 * ProjectBuilds}, which adds names, defaults and waiting.
 *
 * <pre>{@code
 * BuildsClient builds = new BuildsClient(scope.http());
 * Build queued = builds.queue(scope.org(), scope.project(), QueueBuildInput.of(12).withBranch("main"));
 * }</pre>
 */
public final class BuildsClient {
  private final AzureDevOpsHttp http;

  public BuildsClient(AzureDevOpsHttp http) {
    this.http = http;
  }

  private static Urls build(Organization org, String project) {
    return Urls.at(org.baseUrl()).segment(project).path("_apis/build");
  }

  /**
   * The project's build definitions (with their repositories), every page; {@code name} filters by
   * name, case-insensitively, {@code *} as a wildcard.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/build/definitions?name=…&includeAllProperties=true
   */
  public Paged<BuildDefinition> definitions(
      Organization org, String project, Optional<String> name) {
    Urls url = build(org, project).segment("definitions");
    name.filter(n -> !n.isBlank()).ifPresent(n -> url.query("name", n.strip()));
    return http.getPaged(
        url.query("includeAllProperties", "true").query("api-version", org.apiVersion()),
        BuildDefinition.class,
        AccessScope.BUILD_READ);
  }

  /**
   * Queues a build.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/build/builds
   */
  public Build queue(Organization org, String project, QueueBuildInput input) {
    try {
      return http.sendJson(
          "POST",
          build(org, project).segment("builds").query("api-version", org.apiVersion()).build(),
          input.body(),
          "application/json",
          AccessScope.BUILD_EXECUTE,
          Build.class);
    } catch (NotFoundException e) {
      if (ProjectNotFound.isAbout(e)) {
        throw ProjectNotFound.of(org, project, e);
      }
      throw new NotFoundException(
          e.typeKey(),
          "Build definition "
              + input.definitionId()
              + " was not found in "
              + org.name()
              + "/"
              + project
              + ".",
          "The project's build definitions list the ids that exist.");
    } catch (AzureDevOpsApiException e) {
      if (e.status() != 400) {
        throw e;
      }
      throw new InvalidInputException(
          "Azure DevOps would not queue definition "
              + input.definitionId()
              + (input.branch() == null ? "" : " on " + input.branch())
              + ": "
              + e.getMessage(),
          "The usual cause is a branch that doesn't exist in the definition's repository (the"
              + " repository's branches list them), or a parameter the definition doesn't let"
              + " you set at queue time.");
    }
  }

  /**
   * One build.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/build/builds/{buildId}
   */
  public Build get(Organization org, String project, int buildId) {
    try {
      return http.get(
          build(org, project)
              .segment("builds")
              .segment(Integer.toString(buildId))
              .query("api-version", org.apiVersion())
              .build(),
          Build.class,
          AccessScope.BUILD_READ);
    } catch (NotFoundException e) {
      throw notFound(org, project, buildId, e);
    }
  }

  /**
   * The logs of a build, one per step reached so far.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/build/builds/{buildId}/logs
   */
  public List<BuildLog> logs(Organization org, String project, int buildId) {
    try {
      return http.getList(
          logsUrl(org, project, buildId).query("api-version", org.apiVersion()).build(),
          BuildLog.class,
          AccessScope.BUILD_READ);
    } catch (NotFoundException e) {
      throw notFound(org, project, buildId, e);
    }
  }

  /**
   * Lines {@code startLine..endLine} (1-based, inclusive) of one log.
   *
   * <p>Azure DevOps: GET
   * {org}/{project}/_apis/build/builds/{buildId}/logs/{logId}?startLine=&endLine=
   */
  public List<String> logLines(
      Organization org, String project, int buildId, int logId, int startLine, int endLine) {
    try {
      return http.getList(
          logsUrl(org, project, buildId)
              .segment(Integer.toString(logId))
              .query("startLine", Integer.toString(startLine))
              .query("endLine", Integer.toString(endLine))
              .query("api-version", org.apiVersion())
              .build(),
          String.class,
          AccessScope.BUILD_READ);
    } catch (NotFoundException e) {
      if (ProjectNotFound.isAbout(e)) {
        throw ProjectNotFound.of(org, project, e);
      }
      throw new NotFoundException(
          e.typeKey(),
          "Build " + buildId + " in " + org.name() + "/" + project + " has no log " + logId + ".",
          "List the build's logs to see the ids it has.");
    }
  }

  private static Urls logsUrl(Organization org, String project, int buildId) {
    return build(org, project).segment("builds").segment(Integer.toString(buildId)).segment("logs");
  }

  private static NotFoundException notFound(
      Organization org, String project, int buildId, NotFoundException e) {
    if (ProjectNotFound.isAbout(e)) {
      return ProjectNotFound.of(org, project, e);
    }
    return new NotFoundException(
        e.typeKey(),
        "Build " + buildId + " was not found in " + org.name() + "/" + project + ".",
        "Check the id; the project's latest builds show the ids that exist.");
  }

  /**
   * The latest builds, newest first, following continuation tokens until {@code query.top()}.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/build/builds?definitions=&branchName=
   * &queryOrder=queueTimeDescending&$top=
   */
  public List<Build> list(Organization org, String project, BuildQuery query) {
    Urls url =
        build(org, project)
            .segment("builds")
            .query("definitions", query.definitionId())
            .query("branchName", query.branch())
            .query("queryOrder", "queueTimeDescending")
            .query("$top", Math.min(query.top(), 1000))
            .query("api-version", org.apiVersion());
    return ProjectNotFound.restated(
        org,
        project,
        () ->
            http.getPaged(url, Build.class, AccessScope.BUILD_READ).stream()
                .limit(query.top())
                .toList());
  }
}
