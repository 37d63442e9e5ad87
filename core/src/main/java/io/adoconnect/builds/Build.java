package io.adoconnect.builds;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * A build (Azure DevOps {@code Build}), as queued, read or listed.
 *
 * @param result null until the build completes
 * @param parameters the classic variables as Azure DevOps keeps them: a JSON object in a string
 * @param links {@code _links}; {@link #webUrl()} is the page a person opens
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Build(
    int id,
    String buildNumber,
    BuildStatus status,
    BuildResult result,
    String reason,
    Instant queueTime,
    Instant startTime,
    Instant finishTime,
    String sourceBranch,
    String sourceVersion,
    Definition definition,
    Repository repository,
    Identity requestedFor,
    String parameters,
    Map<String, String> templateParameters,
    String url,
    @JsonProperty("_links") Links links) {

  /** The definition a build belongs to. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Definition(int id, String name, String path) {}

  /** The repository a build checks out. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Repository(String id, String type, String name) {}

  /** Who asked for a build. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Identity(String displayName, String uniqueName) {}

  /** The {@code _links} Azure DevOps sends; only the browser link is kept. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Links(Link web) {}

  /** One {@code {"href": …}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Link(String href) {}

  /** Whether the build has finished (whatever its result). */
  public boolean completed() {
    return status == BuildStatus.COMPLETED;
  }

  /** The build's page in the browser, or null when Azure DevOps sent none. */
  public String webUrl() {
    return links == null || links.web() == null ? null : links.web().href();
  }

  /** {@code status}, or {@code status/result} once there is a result: what progress shows. */
  public String state() {
    return result == null ? String.valueOf(status) : status + "/" + result;
  }
}
