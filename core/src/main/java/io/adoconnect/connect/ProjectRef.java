package io.adoconnect.connect;

import io.adoconnect.http.Names;

/**
 * A project as a user names it: organization (or Server collection) and project; {@code account}
 * (may be null) picks among connected accounts when more than one reaches the organization.
 */
public record ProjectRef(String organization, String project, String account) {
  public ProjectRef {
    organization = Names.checkSegment(organization, "organization name").strip();
    project = Names.checkSegment(project, "project name").strip();
    account = account == null || account.isBlank() ? null : account.strip();
  }

  public static ProjectRef of(String organization, String project) {
    return new ProjectRef(organization, project, null);
  }

  public ProjectRef withAccount(String accountId) {
    return new ProjectRef(organization, project, accountId);
  }

  public OrganizationRef organizationRef() {
    return new OrganizationRef(organization, account);
  }

  /** For messages: {@code fabrikam/Fabrikam Fiber}. */
  public String path() {
    return organization + "/" + project;
  }
}
