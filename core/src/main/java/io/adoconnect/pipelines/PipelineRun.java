package io.adoconnect.pipelines;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * A pipeline run (Azure DevOps {@code Run}); its id is the id of the build it created.
 *
 * @param name the build number
 * @param state {@code inProgress}, {@code canceling}, {@code completed} (or {@code unknown})
 * @param result null until completed; {@code succeeded}, {@code failed}, {@code canceled}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineRun(
    int id,
    String name,
    String state,
    String result,
    Instant createdDate,
    Instant finishedDate,
    Pipeline pipeline,
    Resources resources,
    Map<String, String> templateParameters,
    String url,
    @JsonProperty("_links") Links links) {

  /** {@code resources.repositories.self}: the branch and commit the run built. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Resources(Repositories repositories) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Repositories(Self self) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Self(String refName, String version) {}

  /** The {@code _links} Azure DevOps sends; only the browser link is kept. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Links(Link web) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Link(String href) {}

  public boolean completed() {
    return "completed".equals(state);
  }

  /** The branch built, e.g. {@code refs/heads/main}; null when not reported. */
  public String branch() {
    return resources == null
            || resources.repositories() == null
            || resources.repositories().self() == null
        ? null
        : resources.repositories().self().refName();
  }

  public String webUrl() {
    return links == null || links.web() == null ? null : links.web().href();
  }

  /** {@code state}, or {@code state/result} once there is a result. */
  public String progress() {
    return result == null ? state : state + "/" + result;
  }
}
