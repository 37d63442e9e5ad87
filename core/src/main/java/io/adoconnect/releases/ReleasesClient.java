package io.adoconnect.releases;

import io.adoconnect.NotFoundException;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Paged;
import io.adoconnect.http.Urls;
import java.util.Optional;

/**
 * Azure DevOps classic Release Management REST area, in one project. Calls go to the release host
 * ({@link Organization#releaseBaseUrl}: {@code https://vsrm.dev.azure.com/{org}} on Services, the
 * collection on Server). Front-ends reach it through {@link ProjectReleases}, which adds names,
 * limits and waiting.
 */
public final class ReleasesClient {
  private final AzureDevOpsHttp http;
  private final AzureDevOpsEndpoints endpoints;

  public ReleasesClient(AzureDevOpsHttp http, AzureDevOpsEndpoints endpoints) {
    this.http = http;
    this.endpoints = endpoints;
  }

  private Urls release(Organization org, String project) {
    return Urls.at(org.releaseBaseUrl(endpoints)).segment(project).path("_apis/release");
  }

  /**
   * The project's release definitions with their stages, ids ascending, every page.
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/definitions?$expand=environments
   */
  public Paged<ReleaseDefinition> definitions(Organization org, String project) {
    return http.getPaged(
        release(org, project)
            .path("definitions")
            .query("$expand", "environments")
            .query("api-version", org.apiVersion()),
        ReleaseDefinition.class,
        AccessScope.RELEASE_READ);
  }

  /**
   * The definitions whose name is {@code name}, case-insensitively, with their stages.
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/definitions?searchText=…
   * &isExactNameMatch=true&$expand=environments
   */
  public Paged<ReleaseDefinition> definitionsNamed(Organization org, String project, String name) {
    return http.getPaged(
        release(org, project)
            .path("definitions")
            .query("searchText", name)
            .query("isExactNameMatch", "true")
            .query("$expand", "environments")
            .query("api-version", org.apiVersion()),
        ReleaseDefinition.class,
        AccessScope.RELEASE_READ);
  }

  /**
   * Creates a release; its first stage starts as the definition's triggers say.
   *
   * <p>Azure DevOps: POST {vsrm}/{project}/_apis/release/releases
   */
  public Release create(Organization org, String project, NewRelease release) {
    try {
      return http.sendJson(
          "POST",
          release(org, project).path("releases").query("api-version", org.apiVersion()).build(),
          release,
          "application/json",
          AccessScope.RELEASE_EXECUTE,
          Release.class);
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.typeKey(),
          "Release definition "
              + release.definitionId()
              + " was not found in "
              + org.name()
              + "/"
              + project
              + ".",
          "The project's release definitions list the ids that exist.");
    }
  }

  /**
   * One release with its stages.
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/releases/{releaseId}
   */
  public Release get(Organization org, String project, int id) {
    try {
      return http.get(
          release(org, project)
              .path("releases")
              .segment(Integer.toString(id))
              .query("api-version", org.apiVersion())
              .build(),
          Release.class,
          AccessScope.RELEASE_READ);
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.typeKey(),
          "Release " + id + " was not found in " + org.name() + "/" + project + ".",
          "Check the id; the project's releases list the ids that exist.");
    }
  }

  /**
   * The project's releases, newest first, with their stages; every page ({@code pageSize} a page).
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/releases?definitionId=…&$top=…
   * &$expand=environments
   */
  public Paged<Release> list(
      Organization org, String project, Optional<Integer> definitionId, int pageSize) {
    return http.getPaged(
        release(org, project)
            .path("releases")
            .query("definitionId", definitionId.orElse(null))
            .query("$top", pageSize)
            .query("$expand", "environments")
            .query("api-version", org.apiVersion()),
        Release.class,
        AccessScope.RELEASE_READ);
  }
}
