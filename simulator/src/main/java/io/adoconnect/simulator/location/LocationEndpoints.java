package io.adoconnect.simulator.location;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Deployment;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.http.Scope;
import io.adoconnect.simulator.versioning.VersionPolicy;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET _apis/connectionData}, {@code GET _apis/ResourceAreas[/{areaId}]} and {@code OPTIONS
 * _apis[/{area}]}. Route names are matched case-insensitively, like the service does.
 */
public final class LocationEndpoints implements AreaHandler {

  @Override
  public Optional<Response> handle(ApiCall call) {
    if (call.request().method().equals("OPTIONS")) {
      return call.route().size() <= 1 ? Optional.of(options(call)) : Optional.empty();
    }
    if (!call.isGet() || call.project() != null) {
      return Optional.empty();
    }
    String resource = call.segment(0).orElse("");
    if (resource.equalsIgnoreCase("connectionData") && call.hasSegments(1)) {
      return Optional.of(Json.ok(ConnectionData.of(call.scope())));
    }
    if (resource.equalsIgnoreCase("ResourceAreas")
        && call.scope().kind() != Scope.Kind.SERVER_DEPLOYMENT) {
      return call.hasSegments(1)
          ? Optional.of(resourceAreas(call.scope()))
          : call.hasSegments(2)
              ? resourceArea(call.scope(), call.route().get(1))
              : Optional.empty();
    }
    return Optional.empty();
  }

  private static Response options(ApiCall call) {
    Scope scope = call.scope();
    Deployment deployment = scope.deployment();
    List<ObjectNode> entries =
        ApiLocations.servedAt(scope.kind(), call.segment(0).orElse(null)).stream()
            .map(
                location -> {
                  ObjectNode entry = Json.object();
                  entry.put("id", location.id());
                  entry.put("area", location.area());
                  entry.put("resourceName", location.resourceName());
                  entry.put("routeTemplate", location.routeTemplate());
                  entry.put("resourceVersion", location.resourceVersion());
                  entry.put("minVersion", location.minVersion());
                  entry.put("maxVersion", VersionPolicy.maxVersion(deployment));
                  // A preview-only resource reports 0.0 as released (unverified for Server 2020).
                  entry.put(
                      "releasedVersion",
                      location.previewOnServer() && deployment == Deployment.SERVER
                          ? "0.0"
                          : VersionPolicy.releasedVersion(deployment));
                  return entry;
                })
            .toList();
    return Json.ok(Json.collection(entries));
  }

  /**
   * Server answers {@code {"count":0,"value":null}}: clients then use the collection URL for
   * everything.
   */
  private static Response resourceAreas(Scope scope) {
    if (scope.deployment() == Deployment.SERVER) {
      ObjectNode empty = Json.object();
      empty.put("count", 0);
      empty.putNull("value");
      return Json.ok(empty);
    }
    return Json.ok(
        Json.collection(areasListedAt(scope).stream().map(area -> areaNode(area, scope)).toList()));
  }

  private static Optional<Response> resourceArea(Scope scope, String areaId) {
    return areasListedAt(scope).stream()
        .filter(area -> area.id().equalsIgnoreCase(areaId))
        .findFirst()
        .map(area -> Json.ok(areaNode(area, scope)));
  }

  private static List<ResourceArea> areasListedAt(Scope scope) {
    return ResourceAreas.ALL.stream()
        .filter(area -> area.listedAt().contains(scope.kind()))
        .toList();
  }

  private static ObjectNode areaNode(ResourceArea area, Scope scope) {
    ObjectNode node = Json.object();
    node.put("id", area.id());
    node.put("name", area.name());
    node.put("locationUrl", area.locationUrl(scope));
    return node;
  }
}
