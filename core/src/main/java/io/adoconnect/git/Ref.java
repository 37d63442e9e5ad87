package io.adoconnect.git;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Git ref (Azure DevOps GitRef).
 *
 * @param name the full ref name, e.g. {@code refs/heads/main}
 * @param objectId the commit id (40 hex) the ref points at
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ref(String name, String objectId) {
  private static final String HEADS = "refs/heads/";

  /**
   * The branch name without {@code refs/heads/}, or the full name for other refs; in JSON too, so
   * the table's {@code main} and the JSON's {@code branch} agree.
   */
  @JsonProperty("branch")
  public String branch() {
    return name != null && name.startsWith(HEADS) ? name.substring(HEADS.length()) : name;
  }
}
