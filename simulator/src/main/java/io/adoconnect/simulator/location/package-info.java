/**
 * The location service Microsoft's clients use to find routes: connectionData, resource areas and
 * the {@code OPTIONS} answers listing {@code ApiResourceLocation}s. The tables here are data:
 * adding an area means adding entries to {@link io.adoconnect.simulator.location.ApiLocations} and
 * {@link io.adoconnect.simulator.location.ResourceAreas}.
 */
package io.adoconnect.simulator.location;
