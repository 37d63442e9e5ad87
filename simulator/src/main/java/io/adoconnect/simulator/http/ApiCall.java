package io.adoconnect.simulator.http;

import io.adoconnect.simulator.data.SimulatedUser;
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

  /** Whether this is a {@code GET}. */
  public boolean isGet() {
    return request.method().equals("GET");
  }
}
