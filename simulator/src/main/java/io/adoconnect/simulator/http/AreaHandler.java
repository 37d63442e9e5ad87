package io.adoconnect.simulator.http;

import java.util.Optional;

/**
 * Serves the routes of one area; empty when the call matches none of them (the router answers 404).
 */
@FunctionalInterface
public interface AreaHandler {

  /** Answers {@code call}, or empty when no route of this area matches. */
  Optional<Response> handle(ApiCall call);
}
