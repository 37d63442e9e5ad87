package io.adoconnect.simulator.location;

import io.adoconnect.simulator.http.Scope;
import java.util.Set;

/**
 * A resource area as listed by {@code GET {base}/_apis/ResourceAreas}.
 *
 * @param onVssps {@code true} when the area is served by the global vssps host rather than the
 *     organization itself (Profile)
 * @param listedAt the Services scopes that list this area (Server lists none)
 */
public record ResourceArea(String id, String name, boolean onVssps, Set<Scope.Kind> listedAt) {

  /**
   * The {@code locationUrl} reported to a client at {@code scope} (with trailing slash, like the
   * service).
   */
  public String locationUrl(Scope scope) {
    return (onVssps ? scope.rootUrl() : scope.baseUrl()) + "/";
  }
}
