package io.adoconnect.simulator.location;

import io.adoconnect.simulator.http.Scope;
import java.util.Set;

/**
 * One {@code ApiResourceLocation}: where a resource lives and which versions it serves. Max and
 * released versions are not stored: they depend on the deployment answering.
 *
 * @param servedAt the scopes whose {@code OPTIONS} answers list this location
 * @param previewOnServer whether Azure DevOps Server 2020 serves it only as {@code 6.0-preview.1}
 *     (PR statuses, pipelines): its Server entry then says released {@code 0.0}, resource version 1
 */
public record ApiLocation(
    String id,
    String area,
    String resourceName,
    String routeTemplate,
    int resourceVersion,
    String minVersion,
    Set<Scope.Kind> servedAt,
    boolean previewOnServer) {

  public ApiLocation(
      String id,
      String area,
      String resourceName,
      String routeTemplate,
      int resourceVersion,
      String minVersion,
      Set<Scope.Kind> servedAt) {
    this(id, area, resourceName, routeTemplate, resourceVersion, minVersion, servedAt, false);
  }
}
