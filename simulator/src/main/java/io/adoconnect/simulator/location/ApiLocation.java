package io.adoconnect.simulator.location;

import io.adoconnect.simulator.http.Scope;
import java.util.Set;

/**
 * One {@code ApiResourceLocation}: where a resource lives and which versions it serves. Max and
 * released versions are not stored: they depend on the deployment answering.
 *
 * @param servedAt the scopes whose {@code OPTIONS} answers list this location
 * @param previewOnServer the resource is preview-only on Azure DevOps Server 2020 (e.g. Pipelines,
 *     {@code 6.0-preview.1}): listed there with {@code releasedVersion} 0.0, so clients ask for
 *     {@code -preview}
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

  /** A location released wherever it is served. */
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
