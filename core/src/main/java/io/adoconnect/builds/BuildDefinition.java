package io.adoconnect.builds;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A build definition (Azure DevOps {@code BuildDefinitionReference}, listed with {@code
 * includeAllProperties=true} so the repository comes along). YAML pipelines are build definitions
 * too, with the same id.
 *
 * @param path the folder, {@code \} for the root
 * @param repository may be null for definitions without one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildDefinition(
    int id, String name, String path, int revision, String queueStatus, Repository repository) {

  /** The repository a definition builds, and its default branch. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Repository(String id, String name, String type, String defaultBranch) {}
}
