package io.adoconnect.connect;

import io.adoconnect.http.Names;

/**
 * A Git repository as a user names it: organization (or Server collection), project and repository
 * (name or id); {@code account} (may be null) picks among connected accounts when more than one
 * reaches the organization.
 */
public record RepositoryRef(
    String organization, String project, String repository, String account) {
  public RepositoryRef {
    organization = Names.checkSegment(organization, "organization name").strip();
    project = Names.checkSegment(project, "project name").strip();
    repository = Names.checkSegment(repository, "repository name").strip();
    account = account == null || account.isBlank() ? null : account.strip();
  }

  public static RepositoryRef of(String organization, String project, String repository) {
    return new RepositoryRef(organization, project, repository, null);
  }

  public RepositoryRef withAccount(String accountId) {
    return new RepositoryRef(organization, project, repository, accountId);
  }

  public ProjectRef projectRef() {
    return new ProjectRef(organization, project, account);
  }

  /** For messages: {@code fabrikam/Fabrikam Fiber/web-app}. */
  public String path() {
    return organization + "/" + project + "/" + repository;
  }
}
