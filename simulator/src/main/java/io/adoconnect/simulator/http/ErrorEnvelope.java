package io.adoconnect.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Azure DevOps' JSON error body ("WrappedException"): {@code
 * {"$id":"1","innerException":null,"message":…,"typeName":…,"typeKey":…,"errorCode":0,"eventId":3000}}.
 */
public final class ErrorEnvelope {

  private ErrorEnvelope() {}

  /**
   * Builds an error answer.
   *
   * @param typeName fully qualified .NET type and assembly, e.g. {@code
   *     Microsoft.TeamFoundation.Git.Server.GitRepositoryNotFoundException,
   *     Microsoft.TeamFoundation.Git.Server}
   */
  public static Response of(int status, String message, String typeName) {
    String typeKey = typeName.substring(0, typeName.indexOf(',')).replaceAll(".*\\.", "");
    ObjectNode body = Json.object();
    body.put("$id", "1");
    body.putNull("innerException");
    body.put("message", message);
    body.put("typeName", typeName);
    body.put("typeKey", typeKey);
    body.put("errorCode", 0);
    body.put("eventId", 3000);
    return Response.json(status, Json.bytes(body));
  }
}
