package io.adoconnect.pullrequests;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A comment thread on a pull request (GitPullRequestCommentThread). Lists include Azure DevOps'
 * system threads (merge attempts, votes), which have no {@code status}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Thread(
    int id,
    String status,
    String publishedDate,
    String lastUpdatedDate,
    List<Comment> comments,
    boolean isDeleted) {

  public Thread {
    comments = comments == null ? List.of() : List.copyOf(comments);
  }

  /** Whether Azure DevOps wrote it rather than a person. */
  @JsonIgnore
  public boolean isSystem() {
    return !comments.isEmpty() && "system".equals(comments.get(0).commentType());
  }
}
