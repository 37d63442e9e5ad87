package io.adoconnect.devops;

import io.adoconnect.http.AzureDevOpsHttp;
import java.util.Objects;

/**
 * A resolved project: the organization (or Server collection) with its api-version, the project's
 * name, and the authenticated client that reaches it. Core's connect package makes these; area APIs
 * take one instead of loose (organization, project) arguments.
 */
public record ProjectScope(AzureDevOpsHttp http, Organization org, String project) {
  public ProjectScope {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(project, "project");
  }

  /** For messages: {@code fabrikam/Fabrikam Fiber}. */
  public String path() {
    return org.name() + "/" + project;
  }
}
