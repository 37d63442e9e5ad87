package io.adoconnect.builds;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A build to queue: the definition (by id), optionally a branch (default: the definition's),
 * classic variables ({@code parameters}) and YAML runtime parameters ({@code templateParameters}).
 *
 * <pre>{@code
 * QueueBuildInput.of(12).withBranch("feature/x").withParameter("BuildConfiguration", "Release")
 * }</pre>
 *
 * @param branch a full ref ({@code refs/heads/…}) or null
 */
public record QueueBuildInput(
    int definitionId,
    String branch,
    Map<String, String> parameters,
    Map<String, String> templateParameters) {

  public QueueBuildInput {
    if (definitionId <= 0) {
      throw new InvalidInputException(
          "'" + definitionId + "' is not a build definition id.",
          "The project's build definitions list their ids.");
    }
    branch = branch == null || branch.isBlank() ? null : fullRef(branch.strip());
    parameters = Map.copyOf(parameters);
    templateParameters = Map.copyOf(templateParameters);
  }

  public static QueueBuildInput of(int definitionId) {
    return new QueueBuildInput(definitionId, null, Map.of(), Map.of());
  }

  public QueueBuildInput withBranch(String newBranch) {
    return new QueueBuildInput(definitionId, newBranch, parameters, templateParameters);
  }

  /** A classic variable settable at queue time. */
  public QueueBuildInput withParameter(String name, String value) {
    return new QueueBuildInput(
        definitionId, branch, plus(parameters, name, value), templateParameters);
  }

  /** A YAML runtime parameter. */
  public QueueBuildInput withTemplateParameter(String name, String value) {
    return new QueueBuildInput(
        definitionId, branch, parameters, plus(templateParameters, name, value));
  }

  /**
   * The request body: {@code {"definition":{"id":N},"sourceBranch":…,"parameters":"{json}",
   * "templateParameters":{…}}} — {@code parameters} is a JSON object <em>encoded as a string</em>.
   */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("definition", Map.of("id", definitionId));
    Optional.ofNullable(branch).ifPresent(b -> body.put("sourceBranch", b));
    if (!parameters.isEmpty()) {
      try {
        body.put("parameters", Json.MAPPER.writeValueAsString(new java.util.TreeMap<>(parameters)));
      } catch (IOException e) {
        throw new IllegalStateException("A map of strings cannot fail to serialize", e);
      }
    }
    if (!templateParameters.isEmpty()) {
      body.put("templateParameters", templateParameters);
    }
    return body;
  }

  /** {@code main} → {@code refs/heads/main}; full refs stay as they are. */
  public static String fullRef(String branch) {
    return branch.startsWith("refs/") ? branch : "refs/heads/" + branch;
  }

  private static Map<String, String> plus(Map<String, String> map, String name, String value) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(
          "A parameter needs a name.", "Write parameters as NAME=VALUE.");
    }
    Map<String, String> copy = new LinkedHashMap<>(map);
    copy.put(name, value == null ? "" : value);
    return copy;
  }
}
