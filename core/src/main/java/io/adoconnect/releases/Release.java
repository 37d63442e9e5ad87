package io.adoconnect.releases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A classic release (Azure DevOps {@code Release}).
 *
 * @param status {@code draft}, {@code active}, {@code abandoned} or {@code undefined}
 * @param environments its stages in order (empty when listed without {@code $expand=environments})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Release(
    int id,
    String name,
    String status,
    String description,
    Instant createdOn,
    DefinitionRef releaseDefinition,
    List<ReleaseEnvironment> environments,
    String url,
    @JsonProperty("_links") Links links) {

  public Release {
    environments = environments == null ? List.of() : List.copyOf(environments);
  }

  /** The definition a release was made from. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DefinitionRef(int id, String name) {}

  /** {@code _links}: where people open the release. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Links(Link web) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Link(String href) {}

  /** The release's page in Azure DevOps, or null. */
  public String webUrl() {
    return links == null || links.web() == null ? null : links.web().href();
  }

  /** Whether every stage has finished. */
  public boolean finished() {
    return !environments.isEmpty() && environments.stream().allMatch(ReleaseEnvironment::finished);
  }

  /**
   * Each stage and its status, {@code Dev: succeeded, Staging: inProgress}: what progress shows.
   */
  public String progress() {
    return environments.stream()
        .map(e -> e.name() + ": " + e.status())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** Whether every stage succeeded. */
  public boolean succeeded() {
    return !environments.isEmpty()
        && environments.stream().allMatch(e -> "succeeded".equals(e.status()));
  }
}
