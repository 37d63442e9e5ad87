package io.adoconnect.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.SimulatedUser;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A request to an {@code _apis} route, split at the scope.
 *
 * @param project the decoded {@code {project}} segment before {@code _apis}, or {@code null}
 * @param route decoded segments after {@code _apis}, e.g. {@code [git, repositories, Café]}
 * @param body the request body (empty when none was sent)
 */
public record ApiCall(
    Request request, Scope scope, String project, List<String> route, byte[] body) {

  public ApiCall(Request request, Scope scope, String project, List<String> route) {
    this(request, scope, project, route, new byte[0]);
  }

  /** The same call carrying {@code body}. */
  public ApiCall withBody(byte[] newBody) {
    return new ApiCall(request, scope, project, route, newBody == null ? new byte[0] : newBody);
  }

  /** The route segment at {@code index}, if present. */
  public Optional<String> segment(int index) {
    return index < route.size() ? Optional.of(route.get(index)) : Optional.empty();
  }

  /** Whether the route has exactly {@code size} segments. */
  public boolean hasSegments(int size) {
    return route.size() == size;
  }

  /** The same call made by {@code user} (the identity an accepted credential belongs to). */
  public ApiCall withUser(SimulatedUser user) {
    Scope s = scope;
    return new ApiCall(
        request,
        new Scope(s.kind(), s.root(), s.basePath(), s.collection(), user),
        project,
        route,
        body);
  }

  /**
   * A numeric query parameter: empty when absent or empty, {@code -1} when it is not a number (the
   * caller answers that as Azure DevOps does for its parameter).
   */
  public Optional<Integer> intQuery(String name) {
    return request
        .queryParameter(name)
        .filter(value -> !value.isEmpty())
        .map(
            value -> {
              try {
                return Integer.parseInt(value.trim());
              } catch (NumberFormatException notANumber) {
                return -1;
              }
            });
  }

  /** The body as a JSON object; empty when none was sent, or it is not JSON or not an object. */
  public Optional<ObjectNode> jsonObjectBody() {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      return new ObjectMapper().readTree(body) instanceof ObjectNode node
          ? Optional.of(node)
          : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  /** Whether this is a {@code GET}. */
  public boolean isGet() {
    return request.method().equals("GET");
  }
}
