package io.adoconnect.simulator.wit;

import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Response;

/** The work item tracking errors the simulator answers, in the service's words where known. */
final class WorkItemErrors {
  static final String WIT = "Microsoft.TeamFoundation.WorkItemTracking.Server.";
  static final String WIT_ASSEMBLY = ", Microsoft.TeamFoundation.WorkItemTracking.Server";
  static final String VALIDATION =
      "Microsoft.VisualStudio.Services.Common.VssPropertyValidationException,"
          + " Microsoft.VisualStudio.Services.Common";

  private WorkItemErrors() {}

  /** TF401232, azure-devops-rest.md §4. */
  static Response notFound(int id) {
    return ErrorEnvelope.of(
        404,
        "TF401232: Work item " + id + " does not exist, or you do not have permissions to read it.",
        WIT + "WorkItemUnauthorizedAccessException" + WIT_ASSEMBLY);
  }

  /** VS402323, as reported from the service (TeamCodeStream/codestream#1085). */
  static Response unknownType(String type, String project) {
    return ErrorEnvelope.of(
        404,
        "VS402323: Work item type "
            + type
            + " does not exist in project "
            + project
            + " or you do not have permission to access it.",
        WIT + "WorkItemTypeNotFoundException" + WIT_ASSEMBLY);
  }

  /** TF401320 rule error (wording from the service; error codes listed unverified). */
  static Response ruleError(String friendlyField, String codes) {
    return ErrorEnvelope.of(
        400,
        "TF401320: Rule Error for field " + friendlyField + ". Error code: " + codes + ".",
        WIT + "RuleValidationException" + WIT_ASSEMBLY);
  }

  /** 415 for a write without {@code application/json-patch+json}; status and wording unverified. */
  static Response unsupportedContentType(String contentType, String method) {
    return ErrorEnvelope.of(
        415,
        "The request indicated a Content-Type of \""
            + contentType
            + "\" for method type \""
            + method
            + "\" which is not supported. Valid content types for this method are:"
            + " application/json-patch+json.",
        "Microsoft.VisualStudio.Services.WebApi.VssRequestContentTypeNotSupportedException,"
            + " Microsoft.VisualStudio.Services.WebApi");
  }

  static Response badRequest(String message) {
    return ErrorEnvelope.of(400, message, VALIDATION);
  }
}
