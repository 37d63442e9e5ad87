package io.adoconnect.pullrequests;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.adoconnect.NotFoundException;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pull request's iterations (one per push onto its source branch) and the files each changes:
 * what a diff is computed from, as Azure DevOps has no unified-diff API.
 */
final class PullRequestChangesClient {
  /** Files per page of changes; Azure DevOps allows up to 2000. */
  static final int PAGE = 1000;

  private final AzureDevOpsHttp http;

  PullRequestChangesClient(AzureDevOpsHttp http) {
    this.http = http;
  }

  /** One iteration: the source commit it brought, the target's, and their merge base. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Iteration(
      int id, CommitRef sourceRefCommit, CommitRef targetRefCommit, CommitRef commonRefCommit) {
    /** What the changes are relative to: the merge base, or the target when it isn't given. */
    String base() {
      return commonRefCommit != null ? commonRefCommit.commitId() : targetRefCommit.commitId();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CommitRef(String commitId) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Change(Item item, String changeType, String originalPath) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Item(
      String path,
      String objectId,
      String originalObjectId,
      String gitObjectType,
      boolean isFolder) {
    boolean isFile() {
      return !isFolder && (gitObjectType == null || gitObjectType.equals("blob"));
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ChangesPage(List<Change> changeEntries, Integer nextSkip, Integer nextTop) {}

  /**
   * Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/pullRequests/{id}/iterations
   */
  List<Iteration> iterations(Organization org, String project, String repository, int id) {
    return PullRequestsClient.named(
        org,
        project,
        repository,
        id,
        () ->
            http.getList(
                iterationsUrl(org, project, repository, id)
                    .query("api-version", org.apiVersion())
                    .build(),
                Iteration.class,
                AccessScope.CODE_READ));
  }

  /**
   * Every file iteration {@code iteration} changes against the merge base, page by page.
   *
   * <p>Azure DevOps: GET
   * …/pullRequests/{id}/iterations/{iteration}/changes?$top=&$skip=&$compareTo=0
   */
  List<Change> changes(Organization org, String project, String repository, int id, int iteration) {
    List<Change> all = new ArrayList<>();
    int skip = 0;
    while (true) {
      ChangesPage page =
          http.get(
              iterationsUrl(org, project, repository, id)
                  .segment(Integer.toString(iteration))
                  .path("changes")
                  .query("$top", Integer.toString(PAGE))
                  .query("$skip", Integer.toString(skip))
                  .query("$compareTo", "0")
                  .query("api-version", org.apiVersion())
                  .build(),
              ChangesPage.class,
              AccessScope.CODE_READ);
      if (page.changeEntries() != null) {
        all.addAll(page.changeEntries());
      }
      // A server that never moves forward would page forever: stop unless it does.
      if (page.nextSkip() == null || page.nextSkip() <= skip || page.changeEntries() == null) {
        return all;
      }
      skip = page.nextSkip();
    }
  }

  /**
   * The raw bytes of the file at {@code path} in commit {@code commitId}; empty when the commit has
   * no such file. (The Git area's items call, made here so that pull requests don't depend on the
   * git area's client.)
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/items?path=…
   * &versionDescriptor.version={commitId}&versionDescriptor.versionType=commit, {@code Accept:
   * application/octet-stream}
   */
  Optional<byte[]> fileAtCommit(
      Organization org, String project, String repository, String path, String commitId) {
    URI uri =
        Urls.at(org.baseUrl())
            .segment(project)
            .path("_apis/git/repositories")
            .segment(repository)
            .segment("items")
            .query("path", path)
            .query("versionDescriptor.version", commitId)
            .query("versionDescriptor.versionType", "commit")
            .query("api-version", org.apiVersion())
            .build();
    try {
      return Optional.of(
          http.send(
                  ApiRequest.get(uri)
                      .withHeader("Accept", "application/octet-stream")
                      .withScope(AccessScope.CODE_READ))
              .body());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static Urls iterationsUrl(Organization org, String project, String repository, int id) {
    return Urls.at(org.baseUrl())
        .segment(project)
        .path("_apis/git/repositories")
        .segment(repository)
        .path("pullRequests")
        .segment(Integer.toString(id))
        .path("iterations");
  }
}
