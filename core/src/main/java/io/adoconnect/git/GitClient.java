package io.adoconnect.git;

import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Names;
import io.adoconnect.http.Paged;
import io.adoconnect.http.Urls;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Azure DevOps Git REST area, inside one repository: refs, items (file content, folder listings)
 * and commit statuses.
 */
public final class GitClient {
  private final AzureDevOpsHttp http;

  public GitClient(AzureDevOpsHttp http) {
    this.http = http;
  }

  private static Urls repository(Organization org, String project, String repository) {
    return Urls.at(org.baseUrl())
        .segment(project)
        .path("_apis/git/repositories")
        .segment(repository);
  }

  /**
   * The repository's branches, following continuation tokens.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/refs?filter=heads/
   */
  public Paged<Ref> branches(Organization org, String project, String repository) {
    return http.getPaged(
        repository(org, project, repository)
            .segment("refs")
            .query("filter", "heads/")
            .query("api-version", org.apiVersion()),
        Ref.class,
        AccessScope.CODE_READ);
  }

  /**
   * The raw bytes of the file at {@code path}, on {@code branch} or the default branch.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/items?path=…
   * &versionDescriptor.version=…&versionDescriptor.versionType=branch, {@code Accept:
   * application/octet-stream}
   */
  public byte[] fileContent(
      Organization org, String project, String repository, String path, Optional<String> branch) {
    Urls url = repository(org, project, repository).segment("items").query("path", path);
    branch.ifPresent(
        b ->
            url.query("versionDescriptor.version", stripHeads(b))
                .query("versionDescriptor.versionType", "branch"));
    URI uri = url.query("api-version", org.apiVersion()).build();
    try {
      return http.send(
              ApiRequest.get(uri)
                  .withHeader("Accept", "application/octet-stream")
                  .withScope(AccessScope.CODE_READ))
          .body();
    } catch (NotFoundException e) {
      throw notFound(e, org, project, repository, path, branch);
    }
  }

  /**
   * The folder at {@code path} and what lies below it ({@code depth}), on {@code branch} or the
   * default branch, as Azure DevOps lists it: the folder first, then the rest in path order. The
   * Items list has no paging; the caller bounds what it keeps.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/items?scopePath=…
   * &recursionLevel=OneLevel|Full&versionDescriptor.version=…&versionDescriptor.versionType=branch
   */
  public List<GitItem> items(
      Organization org,
      String project,
      String repository,
      String path,
      Optional<String> branch,
      ItemDepth depth) {
    Urls url =
        repository(org, project, repository)
            .segment("items")
            .query("scopePath", path)
            .query("recursionLevel", depth.recursionLevel());
    branch.ifPresent(
        b ->
            url.query("versionDescriptor.version", stripHeads(b))
                .query("versionDescriptor.versionType", "branch"));
    try {
      return http.getList(
          url.query("api-version", org.apiVersion()).build(), GitItem.class, AccessScope.CODE_READ);
    } catch (NotFoundException e) {
      throw notFound(e, org, project, repository, path, branch);
    }
  }

  private static NotFoundException notFound(
      NotFoundException e,
      Organization org,
      String project,
      String repository,
      String path,
      Optional<String> branch) {
    // Shown from the root without its leading slash, which the plain-name rule would refuse.
    String shownPath = path.startsWith("/") && path.length() > 1 ? path.substring(1) : path;
    return new NotFoundException(
        e.typeKey(),
        Names.shown(shownPath, "path")
            + " was not found in "
            + project
            + "/"
            + repository
            + " at "
            + branch
                .map(b -> "branch " + Names.shown(stripHeads(b), "branch"))
                .orElse("the default branch")
            + ".",
        NextStep.of(
            NextStep.Action.LIST_BRANCHES,
            "Check the path (from the repository root) and the branch.",
            "organization",
            org.name(),
            "project",
            project,
            "repository",
            repository));
  }

  /**
   * Posts a status on a commit.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/git/repositories/{repo}/commits/{commitId}/statuses
   */
  public CommitStatus createStatus(
      Organization org, String project, String repository, String commitId, StatusInput status) {
    // Code (Status) is the narrowest scope that may post; Code (Read & write) may too.
    return http.sendJson(
        "POST",
        statusesUrl(org, project, repository, commitId).build(),
        status,
        "application/json",
        AccessScope.CODE_STATUS,
        CommitStatus.class);
  }

  /**
   * The statuses posted on a commit, as Azure DevOps orders them (newest first).
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/commits/{commitId}/statuses
   */
  public List<CommitStatus> statuses(
      Organization org, String project, String repository, String commitId) {
    return http.getList(
        statusesUrl(org, project, repository, commitId).build(),
        CommitStatus.class,
        AccessScope.CODE_READ);
  }

  private static Urls statusesUrl(
      Organization org, String project, String repository, String commitId) {
    return repository(org, project, repository)
        .segment("commits")
        .segment(commitId)
        .segment("statuses")
        .query("api-version", org.apiVersion());
  }

  private static String stripHeads(String branch) {
    return branch.startsWith("refs/heads/") ? branch.substring("refs/heads/".length()) : branch;
  }
}
