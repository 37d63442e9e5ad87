package io.adoconnect.simulator.pullrequests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Response;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Reading bodies and parameters of pull request calls, and the errors they share. */
final class Requests {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String GIT_SERVER = ", Microsoft.TeamFoundation.Git.Server";
  static final String INVALID_ARGUMENT =
      "Microsoft.TeamFoundation.SourceControl.WebServer.InvalidArgumentValueException,"
          + " Microsoft.TeamFoundation.SourceControl.WebServer";

  private Requests() {}

  /** The JSON object body, or empty when there is none or it is not an object. */
  static Optional<JsonNode> body(ApiCall call) {
    try {
      JsonNode node = MAPPER.readTree(call.body());
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The enum value at {@code node} as a name: numbers index {@code names}, strings match them. */
  static Optional<String> enumName(JsonNode node, List<String> names) {
    if (node.isInt()) {
      int i = node.asInt();
      return i >= 0 && i < names.size() ? Optional.of(names.get(i)) : Optional.empty();
    }
    String text = node.asText("");
    return names.stream().filter(n -> n.equalsIgnoreCase(text)).findFirst();
  }

  static Optional<Integer> number(ApiCall call, String name) {
    return call.request()
        .queryParameter(name)
        .filter(v -> !v.isBlank())
        .map(
            v -> {
              try {
                return Integer.parseInt(v.trim());
              } catch (NumberFormatException e) {
                return -1;
              }
            });
  }

  static Optional<Integer> id(String segment) {
    try {
      return Optional.of(Integer.parseInt(segment));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Response missingBody(String parameter) {
    // Wording unverified.
    return ErrorEnvelope.of(
        400,
        "Value cannot be null.\r\nParameter name: " + parameter,
        "System.ArgumentNullException, mscorlib");
  }

  static Response invalid(String message) {
    // Wordings passed here are unverified unless their caller says otherwise.
    return ErrorEnvelope.of(400, message, INVALID_ARGUMENT);
  }

  static Response pullRequestNotFound() {
    return ErrorEnvelope.of(
        404,
        "TF401180: The requested pull request was not found.",
        "Microsoft.TeamFoundation.Git.Server.GitPullRequestNotFoundException" + GIT_SERVER);
  }
}
