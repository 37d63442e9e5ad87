package io.adoconnect.releases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A classic release definition (pipeline), with its stages in order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseDefinition(
    int id, String name, String path, List<ReleaseEnvironment> environments, String url) {
  public ReleaseDefinition {
    environments = environments == null ? List.of() : List.copyOf(environments);
  }
}
