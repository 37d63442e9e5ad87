package io.adoconnect.simulator.location;

import io.adoconnect.simulator.http.Scope;
import java.util.Set;

/**
 * One {@code ApiResourceLocation}: where a resource lives and which versions it serves. Max and
 * released versions are not stored: they depend on the deployment answering.
 *
 * @param servedAt the scopes whose {@code OPTIONS} answers list this location
 */
public record ApiLocation(
    String id,
    String area,
    String resourceName,
    String routeTemplate,
    int resourceVersion,
    String minVersion,
    Set<Scope.Kind> servedAt) {}
