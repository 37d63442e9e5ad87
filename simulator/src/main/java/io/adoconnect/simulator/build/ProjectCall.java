package io.adoconnect.simulator.build;

import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.Json;
import java.util.Optional;
import java.util.OptionalInt;

/** Helpers shared by the Build and Pipelines endpoints: numbers, bodies, the project. */
final class ProjectCall {
  private ProjectCall() {}

  /** The call's project, if it names one that exists. */
  static Optional<Project> project(ApiCall call) {
    Collection collection = call.scope().collection();
    return collection == null || call.project() == null
        ? Optional.empty()
        : collection.project(call.project());
  }

  /** A positive integer, or empty when {@code text} isn't one. */
  static OptionalInt id(String text) {
    try {
      int value = Integer.parseInt(text.trim());
      return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** An empty JSON object, for absent parameter maps. */
  static com.fasterxml.jackson.databind.node.ObjectNode none() {
    return Json.object();
  }
}
