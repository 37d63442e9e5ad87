package io.adoconnect.devops;

import io.adoconnect.http.AzureDevOpsHttp;
import java.util.Objects;

/** A resolved Git repository (name or id) in a {@link ProjectScope}. */
public record RepositoryScope(ProjectScope projectScope, String repository) {
  public RepositoryScope {
    Objects.requireNonNull(projectScope, "projectScope");
    Objects.requireNonNull(repository, "repository");
  }

  public AzureDevOpsHttp http() {
    return projectScope.http();
  }

  public Organization org() {
    return projectScope.org();
  }

  public String project() {
    return projectScope.project();
  }

  /** For messages: {@code fabrikam/Fabrikam Fiber/web-app}. */
  public String path() {
    return projectScope.path() + "/" + repository;
  }
}
