package io.adoconnect.git;

import io.adoconnect.AccessDeniedException;
import io.adoconnect.AdoConnectException;
import io.adoconnect.NotFoundException;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Json;
import io.adoconnect.http.Paged;
import io.adoconnect.http.Urls;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Azure DevOps Git REST area, inside one repository: refs, items and commit statuses. */
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
        Ref.class);
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
      return http.send(ApiRequest.get(uri).withHeader("Accept", "application/octet-stream")).body();
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.typeKey(),
          "'"
              + path
              + "' was not found in "
              + project
              + "/"
              + repository
              + " at "
              + branch.map(b -> "branch '" + stripHeads(b) + "'").orElse("the default branch")
              + ".",
          "Check the path (from the repository root) and the branch: ado-connect branches lists"
              + " the branches.");
    }
  }

  /**
   * Posts a status on a commit.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/git/repositories/{repo}/commits/{commitId}/statuses
   */
  public CommitStatus createStatus(
      Organization org, String project, String repository, String commitId, StatusInput status) {
    URI uri = statusesUrl(org, project, repository, commitId).build();
    byte[] body;
    try {
      body = Json.MAPPER.writeValueAsBytes(status);
    } catch (IOException e) {
      throw new IllegalStateException("A status record cannot fail to serialize", e);
    }
    ApiResponse response;
    try {
      response = http.send(ApiRequest.json("POST", uri, body, "application/json"));
    } catch (AccessDeniedException e) {
      if (e.status() != 403) {
        throw e;
      }
      throw new AccessDeniedException(
          403,
          e.typeKey(),
          e.getMessage(),
          "Posting commit statuses needs the Code (Status) scope (vso.code_status) or Code"
              + " (Read & write); create a token with it and reconnect.");
    }
    return read(response, CommitStatus.class);
  }

  /**
   * The statuses posted on a commit, as Azure DevOps orders them (newest first).
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/git/repositories/{repo}/commits/{commitId}/statuses
   */
  public List<CommitStatus> statuses(
      Organization org, String project, String repository, String commitId) {
    return http.getList(
        statusesUrl(org, project, repository, commitId).build(), CommitStatus.class);
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

  private static <T> T read(ApiResponse response, Class<T> type) {
    try {
      return Json.MAPPER.readValue(response.body(), type);
    } catch (IOException e) {
      throw new AdoConnectException(
          "Azure DevOps sent a response ado-connect could not read.",
          "Check the URL points at Azure DevOps; if it does, please report this.",
          e);
    }
  }
}
