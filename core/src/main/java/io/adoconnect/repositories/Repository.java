package io.adoconnect.repositories;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.adoconnect.devops.TeamProjectReference;

/**
 * A Git repository (Azure DevOps GitRepository). URLs stay strings: one odd URL in a listing of
 * thousands must not make the whole listing unreadable. {@code defaultBranch} is absent for an
 * empty repository; {@code remoteUrl} is absent when there is nothing to clone.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Repository(
    String id,
    String name,
    TeamProjectReference project,
    String defaultBranch,
    String remoteUrl,
    String sshUrl,
    String webUrl,
    Long size,
    boolean isDisabled,
    boolean isInMaintenance) {

  /** Whether a user can clone it: it has an HTTPS clone URL and isn't disabled. */
  public boolean cloneable() {
    return remoteUrl != null && !remoteUrl.isBlank() && !isDisabled;
  }
}
