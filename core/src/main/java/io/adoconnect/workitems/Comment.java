package io.adoconnect.workitems;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A comment on a work item (Azure DevOps {@code Comment}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Comment(int id, int workItemId, String text, Author createdBy, Instant createdDate) {

  /** Who wrote it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Author(String displayName, String uniqueName) {}
}
