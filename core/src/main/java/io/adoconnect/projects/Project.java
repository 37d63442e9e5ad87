package io.adoconnect.projects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.adoconnect.devops.TeamProjectReference;

/** A team project (Azure DevOps TeamProjectReference). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Project(String id, String name, String description, String state, String visibility) {
  public TeamProjectReference ref() {
    return new TeamProjectReference(id, name);
  }
}
