package io.adoconnect.pullrequests;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A status on a pull request (GitPullRequestStatus): a check shown in the PR's status area. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PullRequestStatus(
    Integer id,
    String state,
    String description,
    String targetUrl,
    Context context,
    String creationDate) {

  /** What the status is about; statuses with the same name and genre supersede each other. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Context(String name, String genre) {}
}
