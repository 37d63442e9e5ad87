package io.adoconnect.projects;

import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Paged;
import io.adoconnect.http.Urls;

/** Azure DevOps Core REST area: the projects of an organization or collection. */
public final class ProjectsClient {
  /** Azure DevOps' largest page; fewer, bigger pages keep large accounts fast. */
  static final int PAGE_SIZE = 500;

  private final AzureDevOpsHttp http;

  public ProjectsClient(AzureDevOpsHttp http) {
    this.http = http;
  }

  /** Azure DevOps: GET {org}/_apis/projects?$top=500 (follows x-ms-continuationtoken). */
  public Paged<Project> list(Organization org) {
    return http.getPaged(
        Urls.at(org.baseUrl())
            .path("_apis/projects")
            .query("$top", PAGE_SIZE)
            .query("api-version", org.apiVersion()),
        Project.class);
  }

  /** Azure DevOps: GET {org}/_apis/projects/{projectIdOrName} */
  public Project get(Organization org, String projectIdOrName) {
    return http.get(
        Urls.at(org.baseUrl())
            .path("_apis/projects")
            .segment(projectIdOrName)
            .query("api-version", org.apiVersion())
            .build(),
        Project.class);
  }
}
