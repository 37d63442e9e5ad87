package io.adoconnect.connect;

import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.store.Account;

/**
 * Where an action goes: the organization (or Server collection) with the api-version it speaks, the
 * account whose credential is used, an authenticated client, and the project and repository named
 * by the user's path ({@code null} when the path stops above them). Area clients take their
 * arguments from it: {@code new BuildsClient(t.http()).list(t.org(), t.project())}.
 */
public record Target(
    Account account, Organization org, AzureDevOpsHttp http, String project, String repository) {

  /** As the user typed it, e.g. {@code fabrikam/Fabrikam Fiber/web-app}. */
  public String path() {
    return org.name()
        + (project == null ? "" : "/" + project)
        + (repository == null ? "" : "/" + repository);
  }
}
