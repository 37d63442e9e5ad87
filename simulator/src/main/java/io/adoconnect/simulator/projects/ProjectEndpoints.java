package io.adoconnect.simulator.projects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET {base}/_apis/projects} and {@code GET {base}/_apis/projects/{idOrName}}.
 *
 * <p>Paging: {@code $top} (default 100), {@code $skip} and {@code continuationToken}. The token is
 * the number of projects already returned (the 7.1 spec types it as that integer); while more
 * remain the answer carries {@code x-ms-continuationtoken}.
 */
public final class ProjectEndpoints implements AreaHandler {

  static final int DEFAULT_TOP = 100;

  @Override
  public Optional<Response> handle(ApiCall call) {
    Collection collection = call.scope().collection();
    if (!call.isGet()
        || call.project() != null
        || collection == null
        || !call.segment(0).orElse("").equalsIgnoreCase("projects")) {
      return Optional.empty();
    }
    if (call.hasSegments(1)) {
      return Optional.of(list(call, collection));
    }
    if (call.hasSegments(2)) {
      return Optional.of(single(call, collection, call.route().get(1)));
    }
    return Optional.empty();
  }

  private static Response list(ApiCall call, Collection collection) {
    Optional<Integer> top = call.intQuery("$top");
    Optional<Integer> skip = call.intQuery("$skip");
    Optional<Integer> token = call.intQuery("continuationToken");
    if (top.filter(n -> n < 0).isPresent()
        || skip.filter(n -> n < 0).isPresent()
        || token.filter(n -> n < 0).isPresent()) {
      return invalidParameter();
    }
    List<Project> all = collection.projects();
    int start = Math.min(all.size(), token.orElse(0) + skip.orElse(0));
    int end = Math.min(all.size(), start + top.orElse(DEFAULT_TOP));
    List<ObjectNode> page =
        all.subList(start, end).stream()
            .map(project -> ProjectJson.reference(project, call.scope(), true))
            .toList();
    Response response = Json.ok(Json.collection(page));
    return end < all.size()
        ? response.withHeader("x-ms-continuationtoken", Integer.toString(end))
        : response;
  }

  private static Response single(ApiCall call, Collection collection, String idOrName) {
    return collection
        .project(idOrName)
        .map(project -> Json.ok(ProjectJson.reference(project, call.scope(), true)))
        .orElseGet(() -> ProjectJson.notFound(idOrName));
  }

  private static Response invalidParameter() {
    // Wording and type unverified: the live service has not been observed rejecting these.
    return ErrorEnvelope.of(
        400,
        "The value specified for $top, $skip or continuationToken is not valid.",
        "Microsoft.TeamFoundation.Core.WebApi.InvalidArgumentValueException, Microsoft.TeamFoundation.Core.WebApi");
  }
}
