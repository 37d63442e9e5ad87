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
import java.util.stream.Collectors;

/**
 * Azure DevOps Build REST area, in one project: definitions, queueing, reading and listing builds.
 * Reads need Build (Read), queueing Build (Read & execute).
 *
 * <pre>{@code
 * BuildsClient builds = new BuildsClient(t.http());
 * int id = builds.resolveDefinitionId(t.org(), t.project(), "web-app-CI");
 * Build queued = builds.queue(t.org(), t.project(), QueueBuildInput.of(id).withBranch("main"));
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
   * The id of the definition given as an id or a name: a number is taken as it is; a name (or a
   * {@code *} pattern) must match exactly one definition.
   *
   * <p>Azure DevOps (for a name): GET {org}/{project}/_apis/build/definitions?name=…
   */
  public int resolveDefinitionId(Organization org, String project, String idOrName) {
    String wanted = idOrName == null ? "" : idOrName.strip();
    if (wanted.isEmpty()) {
      throw new InvalidInputException(
          "Name the build definition by id or name.",
          "ado-connect builds definitions " + org.name() + "/" + project + " lists them.");
    }
    if (wanted.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(wanted);
    }
    List<BuildDefinition> matches =
        ProjectNotFound.restated(
            org, project, () -> definitions(org, project, Optional.of(wanted)).toList());
    if (matches.size() == 1) {
      return matches.get(0).id();
    }
    String listing = "ado-connect builds definitions " + org.name() + "/" + project;
    if (matches.isEmpty()) {
      throw new InvalidInputException(
          "No build definition in " + org.name() + "/" + project + " is named '" + wanted + "'.",
          listing
              + " lists them; --name 'PREFIX*' narrows the list, and an id works as well as a"
              + " name.");
    }
    throw new InvalidInputException(
        "'"
            + wanted
            + "' matches "
            + matches.size()
            + " build definitions in "
            + org.name()
            + "/"
            + project
            + ": "
            + matches.stream()
                .map(d -> folder(d) + d.name() + " (id " + d.id() + ")")
                .collect(Collectors.joining(", "))
            + ".",
        "Give the id instead; " + listing + " lists them.");
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
          "ado-connect builds definitions "
              + org.name()
              + "/"
              + project
              + " lists the definitions.");
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
          "The usual cause is a branch that doesn't exist in the definition's repository"
              + " (ado-connect branches ORG/PROJECT/REPO lists them), or a parameter the"
              + " definition doesn't let you set at queue time.");
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
      if (ProjectNotFound.isAbout(e)) {
        throw ProjectNotFound.of(org, project, e);
      }
      throw new NotFoundException(
          e.typeKey(),
          "Build " + buildId + " was not found in " + org.name() + "/" + project + ".",
          "ado-connect builds list " + org.name() + "/" + project + " shows the latest builds.");
    }
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

  private static String folder(BuildDefinition d) {
    return d.path() == null || d.path().equals("\\") ? "" : d.path() + "\\";
  }
}
