package io.adoconnect.connect;

import io.adoconnect.http.Names;

/**
 * An organization, or an Azure DevOps Server collection, as a user names it; {@code account} (may
 * be null) picks among connected accounts when more than one reaches that name.
 */
public record OrganizationRef(String organization, String account) {
  public OrganizationRef {
    organization = Names.checkSegment(organization, "organization name").strip();
    account = account == null || account.isBlank() ? null : account.strip();
  }

  public static OrganizationRef of(String organization) {
    return new OrganizationRef(organization, null);
  }

  public OrganizationRef withAccount(String accountId) {
    return new OrganizationRef(organization, accountId);
  }

  /** For messages: {@code fabrikam}. */
  public String path() {
    return organization;
  }
}
