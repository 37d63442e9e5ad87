package io.adoconnect.simulator.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;

/** The Build and Pipelines areas' error answers. */
final class BuildErrors {
  private static final String BUILD_WEB_API =
      "Microsoft.TeamFoundation.Build.WebApi.%s, Microsoft.TeamFoundation.Build2.WebApi";

  private BuildErrors() {}

  static Response definitionNotFound(String id) {
    // Wording and type unverified.
    return ErrorEnvelope.of(
        404,
        "The requested build definition "
            + id
            + " could not be found. Either it does not exist or you do not have permission to"
            + " access it.",
        BUILD_WEB_API.formatted("DefinitionNotFoundException"));
  }

  static Response pipelineNotFound(String id) {
    // Wording and type unverified.
    return ErrorEnvelope.of(
        404,
        "Pipeline with ID " + id + " was not found.",
        "Microsoft.Azure.Pipelines.WebApi.PipelineNotFoundException,"
            + " Microsoft.Azure.Pipelines.WebApi");
  }

  static Response logNotFound(String logId, String buildId) {
    // Wording and type unverified.
    return ErrorEnvelope.of(
        404,
        "Log " + logId + " of build " + buildId + " was not found.",
        BUILD_WEB_API.formatted("BuildLogNotFoundException"));
  }

  static Response buildNotFound(String id) {
    // Wording and type unverified.
    return ErrorEnvelope.of(
        404,
        "The requested build " + id + " could not be found.",
        BUILD_WEB_API.formatted("BuildNotFoundException"));
  }

  /**
   * What queueing answers when the build cannot start, e.g. an unknown branch: the message says
   * nothing specific, the reasons come in {@code customProperties.ValidationResults}. The status
   * and outer message are Azure DevOps'; the shape of the reasons and their wording unverified.
   */
  static Response validationFailed(String reason) {
    Response base =
        ErrorEnvelope.of(
            400,
            "Could not queue the build because there were validation errors or warnings.",
            BUILD_WEB_API.formatted("BuildRequestValidationFailedException"));
    ObjectNode body;
    try {
      body = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(base.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    ObjectNode result = Json.object();
    result.put("result", "error");
    result.put("message", reason);
    body.putObject("customProperties").putArray("ValidationResults").add(result);
    return Response.json(400, Json.bytes(body));
  }

  static Response badRequest(String message) {
    // Wording unverified.
    return ErrorEnvelope.of(400, message, "System.ArgumentException, mscorlib");
  }
}
