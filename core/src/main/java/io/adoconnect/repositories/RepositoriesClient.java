package io.adoconnect.repositories;

import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Urls;
import java.util.List;

/** Azure DevOps Git REST area: repositories (not paged by the service). */
public final class RepositoriesClient {
  private final AzureDevOpsHttp http;

  public RepositoriesClient(AzureDevOpsHttp http) {
    this.http = http;
  }

  /**
   * Every repository the caller can see in the organization, across projects, in one request.
   *
   * <p>Azure DevOps: GET {org}/_apis/git/repositories
   */
  public List<Repository> listAll(Organization org) {
    return http.getList(
        Urls.at(org.baseUrl())
            .path("_apis/git/repositories")
            .query("api-version", org.apiVersion())
            .build(),
        Repository.class);
  }

  /** Azure DevOps: GET {org}/{project}/_apis/git/repositories */
  public List<Repository> list(Organization org, String projectIdOrName) {
    return http.getList(
        Urls.at(org.baseUrl())
            .segment(projectIdOrName)
            .path("_apis/git/repositories")
            .query("api-version", org.apiVersion())
            .build(),
        Repository.class);
  }

  /** Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repositoryIdOrName} */
  public Repository get(Organization org, String projectIdOrName, String repositoryIdOrName) {
    return http.get(
        Urls.at(org.baseUrl())
            .segment(projectIdOrName)
            .path("_apis/git/repositories")
            .segment(repositoryIdOrName)
            .query("api-version", org.apiVersion())
            .build(),
        Repository.class);
  }
}
