package io.adoconnect.connect;

import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.store.Account;
import io.adoconnect.workitems.OrganizationWorkItems;

/**
 * An organization (or Server collection) resolved once: the account that reaches it, its base URL
 * and api-version, and the authenticated client. Projects and repositories in it are reached with
 * {@link AdoConnect#project} and {@link AdoConnect#repository}; work items by id live here, since
 * their ids are unique per organization.
 */
public final class OrganizationHandle {
  private final OrganizationRef ref;
  private final Account account;
  private final Organization organization;
  private final AzureDevOpsHttp http;

  OrganizationHandle(
      OrganizationRef ref, Account account, Organization organization, AzureDevOpsHttp http) {
    this.ref = ref;
    this.account = account;
    this.organization = organization;
    this.http = http;
  }

  public OrganizationRef ref() {
    return ref;
  }

  public Account account() {
    return account;
  }

  public Organization organization() {
    return organization;
  }

  AzureDevOpsHttp http() {
    return http;
  }

  /** Work items by id: read and update. */
  public OrganizationWorkItems workItems() {
    return new OrganizationWorkItems(http, organization);
  }
}
