package io.adoconnect.releases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of a release creation ({@code ReleaseStartMetadata}): the definition, a description and
 * variables ({@code name → {"value": …}}). Artifacts are left out so the definition's defaults
 * apply (azure-devops-rest.md §7.13: unverified).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewRelease(
    int definitionId,
    String description,
    boolean isDraft,
    String reason,
    Map<String, Variable> variables) {

  /** One release variable. */
  public record Variable(String value) {}

  public NewRelease {
    variables = variables == null || variables.isEmpty() ? null : Map.copyOf(variables);
  }

  /** A release of {@code definitionId}, started by hand. */
  public static NewRelease of(int definitionId, String description) {
    return new NewRelease(definitionId, description, false, "manual", null);
  }
}
