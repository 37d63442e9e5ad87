package io.adoconnect.server;

import io.adoconnect.server.errors.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/ready}: whether a load balancer should send this instance requests. 503 while it
 * starts, while its database does not answer, and once it drains (it is stopping); 200 otherwise.
 * Unlike {@code /api/health} (the process lives) this says whether it can serve. No token: a
 * balancer's health check has none, and the answer tells nothing but the state.
 */
final class Readiness {
  /** Where an instance is in its life. */
  enum State {
    STARTING,
    READY,
    DRAINING
  }

  private static final Logger log = LoggerFactory.getLogger(Readiness.class);

  private final Runnable databaseCheck;
  private volatile State state = State.STARTING;

  /** {@code databaseCheck}: throws when the database does not answer. */
  Readiness(Runnable databaseCheck) {
    this.databaseCheck = databaseCheck;
  }

  void routes(RoutesConfig routes) {
    routes.get("/api/ready", this::answer);
  }

  void ready() {
    if (state == State.STARTING) {
      state = State.READY;
    }
  }

  void drain() {
    state = State.DRAINING;
  }

  State state() {
    return state;
  }

  private void answer(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    switch (state) {
      case STARTING ->
          ctx.status(503)
              .json(
                  new ApiError(
                      "starting",
                      "The service is starting.",
                      "Send requests to another instance, or try again in a moment."));
      case DRAINING ->
          ctx.status(503)
              .json(
                  new ApiError(
                      "draining",
                      "The service is stopping: it finishes the requests under way and takes no"
                          + " new ones.",
                      "Send requests to another instance."));
      case READY -> {
        try {
          databaseCheck.run();
          ctx.json(Map.of("status", "ready"));
        } catch (RuntimeException e) {
          log.warn("not ready: the database does not answer: {}", e.toString());
          ctx.status(503)
              .json(
                  new ApiError(
                      "store_unavailable",
                      "The service's database does not answer.",
                      "Check that the database is running and reachable; send requests to"
                          + " another instance meanwhile."));
        }
      }
    }
  }
}
