package io.adoconnect.pipelines;

import io.adoconnect.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run to start: optionally a branch (default: the pipeline's), variables (which the pipeline must
 * allow to be set at queue time) and runtime parameters.
 *
 * @param branch a full ref ({@code refs/heads/…}) or null
 */
public record RunPipelineInput(
    String branch, Map<String, String> variables, Map<String, String> templateParameters) {

  public RunPipelineInput {
    branch =
        branch == null || branch.isBlank()
            ? null
            : branch.strip().startsWith("refs/") ? branch.strip() : "refs/heads/" + branch.strip();
    variables = Map.copyOf(variables);
    templateParameters = Map.copyOf(templateParameters);
  }

  public static RunPipelineInput defaults() {
    return new RunPipelineInput(null, Map.of(), Map.of());
  }

  public RunPipelineInput withBranch(String newBranch) {
    return new RunPipelineInput(newBranch, variables, templateParameters);
  }

  public RunPipelineInput withVariable(String name, String value) {
    return new RunPipelineInput(branch, plus(variables, name, value), templateParameters);
  }

  public RunPipelineInput withTemplateParameter(String name, String value) {
    return new RunPipelineInput(branch, variables, plus(templateParameters, name, value));
  }

  /**
   * {@code {"resources":{"repositories":{"self":{"refName":…}}},"templateParameters":{…},
   * "variables":{"name":{"value":…,"isSecret":false}}}}.
   */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    if (branch != null) {
      body.put("resources", Map.of("repositories", Map.of("self", Map.of("refName", branch))));
    }
    if (!templateParameters.isEmpty()) {
      body.put("templateParameters", templateParameters);
    }
    if (!variables.isEmpty()) {
      Map<String, Object> vars = new LinkedHashMap<>();
      variables.forEach((k, v) -> vars.put(k, Map.of("value", v, "isSecret", false)));
      body.put("variables", vars);
    }
    return body;
  }

  private static Map<String, String> plus(Map<String, String> map, String name, String value) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(
          "A variable or parameter needs a name.", "Write it as NAME=VALUE.");
    }
    Map<String, String> copy = new LinkedHashMap<>(map);
    copy.put(name, value == null ? "" : value);
    return copy;
  }
}
