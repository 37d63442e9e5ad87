package io.adoconnect.pullrequests;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A pull request (Azure DevOps GitPullRequest), as listed or fetched. In lists {@code description}
 * is cut to 400 characters; {@link PullRequestsClient#get} has all of it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PullRequest(
    int pullRequestId,
    String status,
    String title,
    String description,
    boolean isDraft,
    String sourceRefName,
    String targetRefName,
    Identity createdBy,
    String creationDate,
    String closedDate,
    String mergeStatus,
    CommitRef lastMergeSourceCommit,
    CommitRef lastMergeCommit,
    List<Reviewer> reviewers,
    RepositoryRef repository,
    String url) {

  public PullRequest {
    reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
  }

  /** Who did something (IdentityRef). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Identity(String id, String displayName, String uniqueName) {}

  /**
   * A reviewer and their vote: 10 approved, 5 with suggestions, 0 none, -5 waiting, -10 rejected.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Reviewer(String id, String displayName, String uniqueName, int vote) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CommitRef(String commitId) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RepositoryRef(String id, String name) {}
}
